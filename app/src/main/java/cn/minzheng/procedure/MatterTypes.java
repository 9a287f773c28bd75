package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.AdvisoryLocks;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 事项目录: matter types declared as data (YAML), each change a new version. A declaration is accepted only when it
 * holds together and everything it cites is known: every legal basis is in the catalogue, every parameter in the
 * registry with a fitting unit.
 */
@Service
public class MatterTypes {

    private final JdbcClient jdbc;
    private final LegalBasis legalBasis;
    private final Parameters parameters;
    private final AuditTrail audit;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Map<Long, MatterType> parsed = new ConcurrentHashMap<>();

    MatterTypes(
            JdbcClient jdbc,
            LegalBasis legalBasis,
            Parameters parameters,
            AuditTrail audit,
            tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.legalBasis = legalBasis;
        this.parameters = parameters;
        this.audit = audit;
        this.json = json;
    }

    /** A declaration that was not accepted, with every problem found. */
    public static class Rejected extends BusinessRuleViolation {
        private final List<String> problems;

        Rejected(List<String> problems) {
            super("事项声明未通过检查：共 " + problems.size() + " 处问题");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** The latest version of every matter type in use (retired types are left out). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MatterType> list() {
        return jdbc.sql("""
                        select distinct on (v.code) v.id from matter_type_version v
                        where v.status = 'IN_FORCE'
                          and not exists (select 1 from matter_type_retirement r where r.code = v.code)
                        order by v.code, v.version desc
                        """).query(Long.class).list().stream().map(this::byId).toList();
    }

    /** Why a matter type was taken out of use, and what replaces it. */
    public record Retirement(String code, java.time.LocalDate retiredOn, String reason, String successor) {}

    /** The retirement of a matter type, if it was retired: it opens no new case. */
    @Transactional(readOnly = true)
    public Optional<Retirement> retirement(String code) {
        return jdbc.sql("select code, retired_on, reason, successor from matter_type_retirement where code = ?")
                .param(code)
                .query(Retirement.class)
                .optional();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public MatterType latest(String code) {
        return jdbc.sql(
                        "select id from matter_type_version where code = ? and status = 'IN_FORCE' order by version desc limit 1")
                .param(code)
                .query(Long.class)
                .optional()
                .map(this::byId)
                .orElseThrow(() -> new NotFound("事项类型 " + code + " 不存在"));
    }

    public record Version(long id, int version, String source, String publishedBy, java.time.Instant publishedAt) {}

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Version> versions(String code) {
        return jdbc.sql("""
                        select id, version, source, published_by, published_at from matter_type_version
                        where code = ? order by version desc
                        """)
                .param(code)
                .query((rs, n) -> new Version(
                        rs.getLong("id"),
                        rs.getInt("version"),
                        rs.getString("source"),
                        rs.getString("published_by"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** The declaration's YAML text as stored (for showing and copying as the start of a new version). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String source(long id) {
        return jdbc.sql("select definition from matter_type_version where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("事项类型版本 " + id + " 不存在"));
    }

    /**
     * Declares a matter type (a new one, or a new version of an existing code). Returns the stored version; a
     * declaration identical to a stored version of the same code is that version.
     */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public MatterType declare(String yaml) {
        Actor actor = Actor.current();
        return store(yaml, "screen:" + actor.username(), actor.username());
    }

    /** Checks a declaration without storing it: the problems, or none. */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional(readOnly = true)
    public List<String> check(String yaml) {
        MatterTypeReader.Result result = MatterTypeReader.read(yaml == null ? "" : yaml, true);
        if (!result.ok()) {
            return result.problems();
        }
        return crossCheck(result.matterType());
    }

    /** For reference data: stores the declaration unless this exact content is already stored. */
    boolean declareIfNew(String yaml, String source) {
        MatterTypeReader.Result result = MatterTypeReader.read(yaml, true);
        if (!result.ok()) {
            throw new IllegalStateException(source + "：" + String.join("；", result.problems()));
        }
        String hash = Sm3.hex(yaml.getBytes(StandardCharsets.UTF_8));
        boolean known = jdbc.sql("select count(*) from matter_type_version where code = ? and content_sm3 = ?")
                        .params(result.matterType().code(), hash)
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        store(yaml, source, "system");
        return true;
    }

    MatterType byId(long id) {
        MatterType cached = parsed.get(id);
        if (cached != null) {
            return cached;
        }
        record Row(long id, String code, int version, String definition) {}
        Row row = jdbc.sql("select id, code, version, definition from matter_type_version where id = ?")
                .param(id)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("事项类型版本 " + id + " 不存在"));
        MatterTypeReader.Result result = MatterTypeReader.read(row.definition());
        if (!result.ok()) {
            throw new IllegalStateException("stored matter type " + id + " no longer reads: " + result.problems());
        }
        MatterType type = withIdentity(result.matterType(), row.id(), row.version());
        parsed.put(id, type);
        return type;
    }

    Optional<MatterType> findLatest(String code) {
        return jdbc.sql(
                        "select id from matter_type_version where code = ? and status = 'IN_FORCE' order by version desc limit 1")
                .param(code)
                .query(Long.class)
                .optional()
                .map(this::byId);
    }

    private MatterType store(String yaml, String source, String by) {
        MatterTypeReader.Result result = MatterTypeReader.read(yaml == null ? "" : yaml, true);
        if (!result.ok()) {
            throw new Rejected(result.problems());
        }
        MatterType type = result.matterType();
        retirement(type.code()).ifPresent(r -> {
            throw new Rejected(List.of("事项 " + type.code() + " 已停止使用：" + r.reason()
                    + (r.successor() == null ? "" : "（现由 " + r.successor() + " 办理）")));
        });
        List<String> problems = crossCheck(type);
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        String hash = Sm3.hex(yaml.getBytes(StandardCharsets.UTF_8));
        Optional<Long> same = jdbc.sql("select id from matter_type_version where code = ? and content_sm3 = ?")
                .params(type.code(), hash)
                .query(Long.class)
                .optional();
        if (same.isPresent()) {
            return byId(same.get());
        }
        // serialise versions of one code (two people publishing at once get 2 and 3, never 2 twice)
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param(AdvisoryLocks.MATTER_TYPE + type.code())
                .query()
                .singleValue();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from matter_type_version where code = ?")
                .param(type.code())
                .query(Integer.class)
                .single();
        // A version that weakens a safeguard waits for a 法制审核员 and a second officer; a release's own file is
        // reviewed with the release.
        List<String> weakens = source.startsWith("file:")
                ? List.of()
                : findLatest(type.code())
                        .map(old -> Safeguards.weakenings(old, type))
                        .orElse(List.of());
        long id = jdbc.sql("""
                        insert into matter_type_version (code, version, name, category, definition, content_sm3,
                            source, published_by, status, weakens)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        type.code(),
                        version,
                        type.name(),
                        type.category(),
                        yaml,
                        hash,
                        source,
                        by,
                        weakens.isEmpty() ? "IN_FORCE" : "PENDING",
                        weakens.isEmpty() ? null : String.join("；", weakens))
                .query(Long.class)
                .single();
        recordReviewPolicy(id, type);
        audit.record(AuditEvent.success("MATTER_TYPE_DECLARED", "matter_type", type.code())
                .because("v" + version + " " + source));
        return byId(id);
    }

    /** A version waiting for approval because it weakens safeguards, with what it weakens and who approved so far. */
    public record Pending(
            long id,
            String code,
            String name,
            int version,
            String publishedBy,
            String weakens,
            List<String> approvedBy) {}

    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional(readOnly = true)
    public List<Pending> pending() {
        return jdbc.sql("""
                        select v.id, v.code, v.name, v.version, v.published_by, v.weakens,
                            coalesce(array_agg(a.approver) filter (where a.approved), '{}') as approvers
                        from matter_type_version v left join matter_type_approval a on a.version_id = v.id
                        where v.status = 'PENDING' group by v.id order by v.id
                        """)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("version"),
                        rs.getString("published_by"),
                        rs.getString("weakens"),
                        java.util.Arrays.asList(
                                (String[]) rs.getArray("approvers").getArray())))
                .list();
    }

    /**
     * Approves (or refuses) a version that weakens safeguards: it takes effect once a 法制审核员 and a second officer —
     * neither of them its publisher — approved it; one refusal ends it.
     */
    @PreAuthorize("hasAnyRole('LEGAL_REVIEWER', 'DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional
    public Pending decide(long versionId, boolean approve, String note) {
        Actor actor = Actor.current();
        record Row(String code, String status, String publishedBy) {}
        Row row = jdbc.sql("select code, status, published_by from matter_type_version where id = ? for update")
                .param(versionId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("事项类型版本不存在"));
        if (!"PENDING".equals(row.status())) {
            throw new BusinessRuleViolation("该版本不在待批准状态");
        }
        if (row.publishedBy().equals(actor.username())) {
            throw new BusinessRuleViolation("发布该版本的人不能批准它");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new BusinessRuleViolation("不批准时请写明理由");
        }
        String role = actor.has("LEGAL_REVIEWER")
                ? "LEGAL_REVIEWER"
                : actor.has("DISTRICT_LEADER") ? "DISTRICT_LEADER" : "DEPARTMENT_OFFICER";
        int added = jdbc.sql("""
                        insert into matter_type_approval (version_id, approver, role, approved, note)
                        values (?, ?, ?, ?, ?) on conflict (version_id, approver) do nothing
                        """)
                .params(versionId, actor.username(), role, approve, note == null ? null : note.strip())
                .update();
        if (added == 0) {
            throw new BusinessRuleViolation("您已经审批过该版本");
        }
        record Approval(String approver, String role) {}
        List<Approval> approvals = jdbc.sql(
                        "select approver, role from matter_type_approval where version_id = ? and approved")
                .param(versionId)
                .query(Approval.class)
                .list();
        String status = !approve
                ? "REFUSED"
                : approvals.stream().anyMatch(a -> a.role().equals("LEGAL_REVIEWER"))
                                && approvals.stream()
                                                .map(Approval::approver)
                                                .distinct()
                                                .count()
                                        >= 2
                        ? "IN_FORCE"
                        : "PENDING";
        jdbc.sql("update matter_type_version set status = ? where id = ?")
                .params(status, versionId)
                .update();
        audit.record(
                AuditEvent.success(approve ? "MATTER_TYPE_APPROVED" : "MATTER_TYPE_REFUSED", "matter_type", row.code())
                        .because("version " + versionId + " " + status));
        return new Pending(
                versionId,
                row.code(),
                byId(versionId).name(),
                byId(versionId).version(),
                row.publishedBy(),
                null,
                approvals.stream().map(Approval::approver).toList());
    }

    /** Whether the version is in force (false: waiting for approval, or refused). */
    @Transactional(readOnly = true)
    public String status(long versionId) {
        return jdbc.sql("select status from matter_type_version where id = ?")
                .param(versionId)
                .query(String.class)
                .single();
    }

    /** The version's legal review policy, for the database's own check (V20_25). */
    private void recordReviewPolicy(long versionId, MatterType type) {
        MatterType.ReviewRule review = type.legalReview();
        List<Object> rules = new ArrayList<>();
        for (MatterType.MajorRule r : review.rules()) {
            List<Object> all = new ArrayList<>();
            for (MatterType.Condition c : r.all()) {
                Map<String, String> condition = new java.util.LinkedHashMap<>();
                condition.put("fact", c.fact());
                condition.put("op", c.op());
                if (c.value() != null) {
                    condition.put("value", c.value());
                }
                if (c.parameter() != null) {
                    condition.put("parameter", c.parameter());
                }
                all.add(condition);
            }
            rules.add(Map.of("code", r.code(), "all", all));
        }
        jdbc.sql("""
                        insert into matter_type_review_policy (version_id, mode, rules) values (?, ?, ?::jsonb)
                        on conflict (version_id) do nothing
                        """)
                .params(versionId, review.mode(), json.writeValueAsString(rules))
                .update();
    }

    /** Versions stored before the database kept review policies get theirs (start-up, idempotent). */
    int recordMissingReviewPolicies() {
        List<Long> missing = jdbc.sql("""
                        select v.id from matter_type_version v
                        where not exists (select 1 from matter_type_review_policy p where p.version_id = v.id)
                        """).query(Long.class).list();
        missing.forEach(id -> recordReviewPolicy(id, byId(id)));
        return missing.size();
    }

    /** What the declaration cites must exist: legal bases in the catalogue, parameters with a fitting unit. */
    private List<String> crossCheck(MatterType type) {
        List<String> problems = new ArrayList<>();
        for (Basis basis : type.citedBases()) {
            boolean known = basis.article() == null
                    ? legalBasis.exists(basis.document())
                    : legalBasis.articleExists(basis.document(), basis.article());
            if (!known) {
                problems.add("法律依据目录中没有 " + basis + "（请先在“法律依据”中录入）");
            }
        }
        for (MatterType.ClockRule clock : type.clocks()) {
            checkDays(clock.limit(), "时限 " + clock.code(), problems);
            if (clock.extension() != null) {
                checkDays(clock.extension().max(), "时限 " + clock.code() + " 的延长上限", problems);
            }
        }
        if (type.notice() != null && type.notice().period() != null) {
            checkDays(type.notice().period(), "公示期", problems);
        }
        if (type.disclosure() != null) {
            checkDays(type.disclosure().period(), "结果公布期", problems);
        }
        for (String code : type.parameters()) {
            if (!parameters.defined(code)) {
                problems.add("参数登记表中没有 " + code);
            }
        }
        return problems.stream().distinct().toList();
    }

    private void checkDays(MatterType.Limit limit, String what, List<String> problems) {
        if (limit.parameter() == null) {
            return;
        }
        parameters.findDefinition(limit.parameter()).ifPresent(d -> {
            if (!"DAYS".equals(d.unit())) {
                problems.add(what + " 引用的参数 " + limit.parameter() + " 不是天数（单位：" + d.unitLabel() + "）");
            }
        });
    }

    private static MatterType withIdentity(MatterType t, long id, int version) {
        return new MatterType(
                id,
                t.code(),
                version,
                t.name(),
                t.category(),
                t.description(),
                t.basis(),
                t.casePrefix(),
                t.partyKinds(),
                t.openRoles(),
                t.initial(),
                t.states(),
                t.steps(),
                t.clocks(),
                t.documents(),
                t.suspensions(),
                t.termination(),
                t.notice(),
                t.legalReview(),
                t.decision(),
                t.disclosure(),
                t.openVia());
    }
}
