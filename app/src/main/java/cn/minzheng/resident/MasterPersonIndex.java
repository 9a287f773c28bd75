package cn.minzheng.resident;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person, one record. Lists the candidate pairs the {@link DuplicateFinder} found, and merges two records into one
 * when a person decides they are the same person: the survivor keeps its details and takes over what the other record
 * lacks; statuses, household memberships, household events and history move to it; the merged record stays, pointing
 * at the survivor, so that old ids and the access log keep their meaning. Other modules hear {@link ResidentsMerged}.
 */
@Service
@PreAuthorize(ResidentRoles.MERGE)
public class MasterPersonIndex {

    private final JdbcClient jdbc;
    private final ResidentRecords residents;
    private final HouseholdRecords households;
    private final DuplicateFinder finder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Communities communities;

    MasterPersonIndex(
            JdbcClient jdbc,
            ResidentRecords residents,
            HouseholdRecords households,
            DuplicateFinder finder,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Communities communities) {
        this.communities = communities;
        this.jdbc = jdbc;
        this.residents = residents;
        this.households = households;
        this.finder = finder;
        this.audit = audit;
        this.events = events;
    }

    public enum Reason {
        SAME_ID_NUMBER("证件号码相同"),
        SAME_NAME_BIRTH_GENDER("姓名、出生日期、性别相同");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Candidate(
            long id,
            Reason reason,
            ResidentSummary a,
            ResidentSummary b,
            Instant foundAt,
            String resolution,
            String resolvedBy) {

        public String reasonLabel() {
            return reason.label();
        }

        /** Two different valid numbers of the same kind of document mean two people: the pair is most likely not one. */
        public boolean differentNumbers() {
            return a.maskedIdNumber() != null
                    && b.maskedIdNumber() != null
                    && a.documentType() == b.documentType()
                    && reason == Reason.SAME_NAME_BIRTH_GENDER;
        }
    }

    @Transactional(readOnly = true)
    public List<Candidate> open(int limit, int offset) {
        return candidates("d.resolution is null", List.of(), limit, offset);
    }

    @Transactional(readOnly = true)
    public Optional<Candidate> candidate(long id) {
        return candidates("d.id = ?", List.of(id), 1, 0).stream().findFirst();
    }

    private List<Candidate> candidates(String condition, List<Object> params, int limit, int offset) {
        DataScope scope = Staff.scope();
        List<Object> all = new ArrayList<>(params);
        all.addAll(ResidentRecords.scopeParameters(scope.code()));
        all.add(limit);
        all.add(offset);
        record Pair(long id, Reason reason, long a, long b, Instant foundAt, String resolution, String resolvedBy) {}
        List<Pair> pairs = jdbc.sql("select * from resident_duplicate d where " + condition + " and "
                        + ResidentRecords.scopeCondition("d").replace("d.community_code", "d.community_a")
                        + " order by (d.reason = 'SAME_ID_NUMBER') desc, d.found_at desc, d.id desc limit ? offset ?")
                .params(all)
                .query((rs, n) -> new Pair(
                        rs.getLong("id"),
                        Reason.valueOf(rs.getString("reason")),
                        rs.getLong("resident_a"),
                        rs.getLong("resident_b"),
                        rs.getTimestamp("found_at").toInstant(),
                        rs.getString("resolution"),
                        rs.getString("resolved_by")))
                .list();
        List<Long> ids = pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.a(), p.b()))
                .distinct()
                .toList();
        var people = residents.summaries(ids).stream()
                .collect(java.util.stream.Collectors.toMap(ResidentSummary::id, p -> p));
        return pairs.stream()
                .filter(p -> people.containsKey(p.a()) && people.containsKey(p.b()))
                .map(p -> new Candidate(
                        p.id(),
                        p.reason(),
                        people.get(p.a()),
                        people.get(p.b()),
                        p.foundAt(),
                        p.resolution(),
                        p.resolvedBy()))
                .toList();
    }

    /** Looks for candidates among everyone in the caller's scope (the district's pass finds cross-community ones). */
    @Transactional
    public int scan() {
        int found = finder.findAll();
        audit.record(AuditEvent.success("RESIDENT_DUPLICATES_SCANNED", "resident", null)
                .because(Integer.toString(found)));
        return found;
    }

    @Transactional
    public void dismiss(long candidateId, String reason) {
        Candidate candidate =
                candidate(candidateId).orElseThrow(() -> new NotFound("疑似重复记录 " + candidateId + " 不存在，或不在您的数据范围内"));
        if (candidate.resolution() != null) {
            throw new BusinessRuleViolation("该疑似重复已处理");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("请说明为何不是同一人");
        }
        jdbc.sql(
                        "update resident_duplicate set resolution = 'DISMISSED', resolved_at = now(), resolved_by = ? where id = ?")
                .params(Staff.name(), candidateId)
                .update();
        audit.record(AuditEvent.success("RESIDENT_DUPLICATE_DISMISSED", "resident_duplicate", candidateId)
                .because(PersonCheck.shorten(reason.strip())));
    }

    /** What a merge moved, for the merge record and the answer. */
    public record Merged(
            long survivorId, long mergedId, int statuses, int memberships, int householdEvents, int history) {

        String summary() {
            return "状态 " + statuses + " 条，家庭成员关系 " + memberships + " 条，家庭事件 " + householdEvents + " 条，档案历史 " + history
                    + " 条";
        }
    }

    @Transactional
    public Merged merge(long survivorId, long mergedId, String reason) {
        if (survivorId == mergedId) {
            throw new BusinessRuleViolation("不能把档案与自己合并");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("请写明合并依据（如核对了哪些证件）");
        }
        long[] order = {Math.min(survivorId, mergedId), Math.max(survivorId, mergedId)};
        Arrays.stream(order).forEach(id -> residents.lock(id).orElseThrow(() -> ResidentManagement.notFound(id)));
        ResidentRecords.Row survivor =
                residents.row(survivorId).orElseThrow(() -> ResidentManagement.notFound(survivorId));
        ResidentRecords.Row merged = residents.row(mergedId).orElseThrow(() -> ResidentManagement.notFound(mergedId));
        if (survivor.mergedInto() != null || merged.mergedInto() != null) {
            throw new BusinessRuleViolation("其中一份档案已合并过，请刷新后重试");
        }
        if (survivor.gender() != merged.gender() || !survivor.birthDate().equals(merged.birthDate())) {
            throw new BusinessRuleViolation("两份档案的性别或出生日期不同，不是同一人，不能合并");
        }
        byte[] survivorBlind = blind(survivorId);
        byte[] mergedBlind = blind(mergedId);
        if (survivorBlind != null && mergedBlind != null && !Arrays.equals(survivorBlind, mergedBlind)) {
            throw new BusinessRuleViolation("两份档案的证件号码不同，不能合并；如其中一个号码录入有误，请先更正");
        }
        String actor = Staff.name();

        // Memberships: the survivor keeps its current household; the merged record's current one is taken over when
        // the survivor has none, otherwise closed (same household) or refused (it heads another household).
        Optional<HouseholdRecords.Membership> survivorHome = households.currentMembership(survivorId);
        Optional<HouseholdRecords.Membership> mergedHome = households.currentMembership(mergedId);
        if (survivorHome.isPresent() && mergedHome.isPresent()) {
            HouseholdRecords.Membership other = mergedHome.get();
            if (other.householdId() != survivorHome.get().householdId() && other.relationship() == Relationship.HEAD) {
                throw new BusinessRuleViolation("被合并的档案是另一户（家庭 " + other.householdId() + "）的户主，请先为该户变更户主");
            }
            households.endMembership(other.id(), communities.today(), LeaveReason.RECORD_MERGED);
            households.event(
                    other.householdId(),
                    other.communityCode(),
                    HouseholdEventKind.RECORD_MERGED,
                    mergedId,
                    communities.today(),
                    "并入居民档案 " + survivorId,
                    actor);
        }
        int memberships = jdbc.sql("update household_member set resident_id = ? where resident_id = ?")
                .params(survivorId, mergedId)
                .update();
        jdbc.sql("update household set head_id = ? where head_id = ?")
                .params(survivorId, mergedId)
                .update();
        int householdEvents = jdbc.sql("update household_event set resident_id = ? where resident_id = ?")
                .params(survivorId, mergedId)
                .update();
        int statuses = jdbc.sql("update resident_status set resident_id = ?, community_code = ? where resident_id = ?")
                .params(survivorId, survivor.communityCode(), mergedId)
                .update();
        int history = jdbc.sql("update resident_event set resident_id = ?, community_code = ? where resident_id = ?")
                .params(survivorId, survivor.communityCode(), mergedId)
                .update();
        // The survivor takes over what only the merged record had.
        jdbc.sql("""
                        update resident s set
                            document_type = case when s.id_cipher is null then m.document_type else s.document_type end,
                            id_cipher = coalesce(s.id_cipher, m.id_cipher),
                            id_blind = coalesce(s.id_blind, m.id_blind),
                            id_masked = coalesce(s.id_masked, m.id_masked),
                            id_last4 = coalesce(s.id_last4, m.id_last4),
                            hukou_address_code = coalesce(s.hukou_address_code, m.hukou_address_code),
                            phone_cipher = coalesce(s.phone_cipher, m.phone_cipher),
                            phone_blind = coalesce(s.phone_blind, m.phone_blind),
                            phone_masked = coalesce(s.phone_masked, m.phone_masked),
                            bank_name = case when s.bank_account_cipher is null then m.bank_name else s.bank_name end,
                            bank_account_cipher = coalesce(s.bank_account_cipher, m.bank_account_cipher),
                            bank_account_blind = coalesce(s.bank_account_blind, m.bank_account_blind),
                            bank_account_masked = coalesce(s.bank_account_masked, m.bank_account_masked),
                            died_on = coalesce(s.died_on, m.died_on),
                            version = s.version + 1, updated_at = now()
                        from resident m where s.id = ? and m.id = ?
                        """).params(survivorId, mergedId).update();
        jdbc.sql("update resident set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(survivorId, mergedId)
                .update();
        Merged result = new Merged(survivorId, mergedId, statuses, memberships, householdEvents, history);
        jdbc.sql("""
                        insert into resident_merge (survivor_id, merged_id, community_code, merged_community, reason,
                                                    moved_references, merged_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        survivorId,
                        mergedId,
                        survivor.communityCode(),
                        merged.communityCode(),
                        PersonCheck.shorten(reason.strip()),
                        result.summary(),
                        actor)
                .update();
        jdbc.sql("""
                        update resident_duplicate set resolution = 'MERGED', resolved_at = now(), resolved_by = ?
                        where resolution is null and (resident_a in (?, ?) and resident_b in (?, ?))
                        """).params(actor, survivorId, mergedId, survivorId, mergedId).update();
        // Other open pairs of the merged record now concern the survivor: found again for it.
        jdbc.sql("delete from resident_duplicate where resolution is null and (resident_a = ? or resident_b = ?)")
                .params(mergedId, mergedId)
                .update();
        residents.event(
                survivorId,
                survivor.communityCode(),
                "MERGED_FROM",
                "并入重复档案 " + mergedId + "：" + result.summary(),
                actor);
        residents.event(mergedId, merged.communityCode(), "MERGED_INTO", "并入居民档案 " + survivorId, actor);
        finder.findFor(List.of(survivorId));
        audit.record(
                AuditEvent.success("RESIDENT_MERGED", "resident", survivorId).because("merged " + mergedId));
        events.publishEvent(new ResidentsMerged(survivorId, mergedId, Instant.now()));
        return result;
    }

    private byte[] blind(long id) {
        return jdbc.sql("select id_blind from resident where id = ?")
                .param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
                .single()
                .orElse(null);
    }
}
