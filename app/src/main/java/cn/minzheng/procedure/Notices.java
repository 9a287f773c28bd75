package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public notices: 公示 before a decision (the preliminary opinion, published by the step the matter type marks) and
 * 公布 after it (what the matter type discloses for the outcome). A notice is built only from the fields its
 * {@link NoticeProfile} allows, masked where the law requires; a matter type may forbid notices altogether (事实无人抚养
 * 儿童). It stands on the public portal for its period (calendar or working days); objections are recorded during the
 * period; afterwards it is taken down by {@link NoticeSweep} — and the portal's query, and the database's row-level
 * policy, show it only within its period anyway.
 */
@Service
public class Notices {

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final DecisionStore decisions;
    private final MatterTypes matterTypes;
    private final CaseEngine engine;
    private final LegalBasis legalBasis;
    private final ScopeNames scopeNames;
    private final DecisionDocuments documents;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    Notices(
            JdbcClient jdbc,
            CaseStore cases,
            DecisionStore decisions,
            MatterTypes matterTypes,
            CaseEngine engine,
            LegalBasis legalBasis,
            ScopeNames scopeNames,
            DecisionDocuments documents,
            AuditTrail audit,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.decisions = decisions;
        this.matterTypes = matterTypes;
        this.engine = engine;
        this.legalBasis = legalBasis;
        this.scopeNames = scopeNames;
        this.documents = documents;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public record Field(String label, String value) {}

    /** What a notice shows: only masked, publishable content. */
    public record Content(String title, String issuer, String unit, List<Field> fields, String basis) {}

    public record Objection(
            long id,
            long noticeId,
            LocalDate receivedOn,
            String channel,
            String channelLabel,
            String summary,
            String status,
            String statusLabel,
            String recordedBy,
            Instant recordedAt,
            String resolution,
            String resolvedBy) {}

    public record NoticeView(
            long id,
            long caseId,
            String kind,
            String kindLabel,
            String profile,
            Content content,
            LocalDate periodStart,
            LocalDate periodEnd,
            int days,
            String dayType,
            String objectionContact,
            String status,
            String statusLabel,
            String publishedBy,
            Instant publishedAt,
            Instant takenDownAt,
            List<Objection> objections) {

        public boolean openOn(LocalDate date) {
            return "PUBLISHED".equals(status) && !date.isBefore(periodStart) && !date.isAfter(periodEnd);
        }
    }

    /** A notice as the public sees it on the portal: no case, no staff, only the content and its period. */
    public record PublicNotice(
            long id,
            String kindLabel,
            Content content,
            LocalDate periodStart,
            LocalDate periodEnd,
            String dayTypeLabel,
            int days,
            String objectionContact) {}

    public record NewObjection(LocalDate receivedOn, String channel, String summary) {}

    static final Map<String, String> CHANNELS =
            Map.of("IN_PERSON", "当面提出", "PHONE", "电话", "LETTER", "书面信函", "ONLINE", "网上");

    // --- staff ---------------------------------------------------------------------------------------------------

    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public List<NoticeView> ofCase(long caseId) {
        cases.find(caseId).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        return jdbc.sql("select * from public_notice where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> view(rs))
                .list();
    }

    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public NoticeView view(long noticeId) {
        return staffNotice(noticeId);
    }

    /** Records an objection raised during the notice's period (by whoever received it: community, street …). */
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public NoticeView recordObjection(long noticeId, NewObjection input) {
        Actor actor = Actor.current();
        NoticeView notice = staffNotice(noticeId);
        CaseRecord c = cases.lock(notice.caseId()).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        LocalDate today = LocalDate.now(clock);
        LocalDate received = input.receivedOn() == null ? today : input.receivedOn();
        if (received.isAfter(today)) {
            throw new BusinessRuleViolation("收到异议的日期不能晚于今天");
        }
        if (received.isBefore(notice.periodStart()) || received.isAfter(notice.periodEnd())) {
            throw new BusinessRuleViolation(
                    "异议须在公示期内（" + Formats.date(notice.periodStart()) + "至" + Formats.date(notice.periodEnd()) + "）提出");
        }
        if ("WITHDRAWN".equals(notice.status())) {
            throw new BusinessRuleViolation("该公示已撤回");
        }
        if (input.channel() == null || !CHANNELS.containsKey(input.channel())) {
            throw new BusinessRuleViolation("请选择异议的提出方式");
        }
        String summary = input.summary() == null ? "" : input.summary().strip();
        if (summary.length() < 2 || summary.length() > 1000) {
            throw new BusinessRuleViolation("请概述异议内容（2–1000字；不记录提出人的姓名、电话等个人信息）");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into notice_objection (notice_id, case_id, received_on, channel, summary, status,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?) returning id
                        """)
                .params(noticeId, c.id(), received, input.channel(), summary, actor.username(), Timestamp.from(now))
                .query(Long.class)
                .single();
        cases.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "OBJECTION",
                        null,
                        c.state(),
                        c.state(),
                        received.isBefore(c.lastEventOn()) ? c.lastEventOn() : received,
                        actor,
                        true,
                        "公示期间收到异议（" + CHANNELS.get(input.channel()) + "）",
                        received.isBefore(today) ? "异议收到日期为 " + Formats.date(received) : null,
                        null,
                        json.writeValueAsString(Map.of("notice", noticeId, "objection", id))),
                now);
        audit.record(AuditEvent.success("NOTICE_OBJECTION_RECORDED", "procedure_case", c.id())
                .because("notice " + noticeId + " objection " + id));
        return staffNotice(noticeId);
    }

    /** Records how an objection was dealt with: upheld (the case is re-investigated) or dismissed, with reasons. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    @Transactional
    public NoticeView resolveObjection(long objectionId, boolean upheld, String resolution) {
        Actor actor = Actor.current();
        record Row(long noticeId, long caseId, String status) {}
        Row row = jdbc.sql("select notice_id, case_id, status from notice_objection where id = ?")
                .param(objectionId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new NotFound("异议不存在，或不在您的数据范围内"));
        CaseRecord c = cases.lock(row.caseId()).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        if (!"OPEN".equals(row.status())) {
            throw new BusinessRuleViolation("该异议已经处理");
        }
        if (resolution == null || resolution.strip().length() < 2) {
            throw new BusinessRuleViolation("请写明处理结果（如重新调查或民主评议的结论）");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update notice_objection set status = ?, resolution = ?, resolved_by = ?, resolved_at = ?
                        where id = ?
                        """)
                .params(
                        upheld ? "UPHELD" : "DISMISSED",
                        resolution.strip(),
                        actor.username(),
                        Timestamp.from(now),
                        objectionId)
                .update();
        LocalDate today = LocalDate.now(clock);
        cases.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "OBJECTION_RESOLVED",
                        null,
                        c.state(),
                        c.state(),
                        today,
                        actor,
                        true,
                        (upheld ? "异议成立：" : "异议不成立：") + resolution.strip(),
                        null,
                        null,
                        json.writeValueAsString(Map.of("objection", objectionId))),
                now);
        audit.record(AuditEvent.success("NOTICE_OBJECTION_RESOLVED", "procedure_case", c.id())
                .because("objection " + objectionId + (upheld ? " upheld" : " dismissed")));
        return staffNotice(row.noticeId());
    }

    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    @Transactional(readOnly = true)
    public byte[] staffPdf(long noticeId) {
        NoticeView notice = staffNotice(noticeId);
        return pdf(notice.id(), notice.content(), notice.periodStart(), notice.periodEnd(), notice.objectionContact());
    }

    // --- the public portal ------------------------------------------------------------------------------------------

    /** Notices standing today, for everyone (no sign-in). */
    @Transactional(readOnly = true)
    public List<PublicNotice> standing() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select * from public_notice
                        where status = 'PUBLISHED' and period_start <= ? and period_end >= ?
                        order by period_start desc, id desc limit 500
                        """)
                .params(today, today)
                .query((rs, n) -> publicNotice(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public PublicNotice standing(long id) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select * from public_notice
                        where id = ? and status = 'PUBLISHED' and period_start <= ? and period_end >= ?
                        """)
                .params(id, today, today)
                .query((rs, n) -> publicNotice(rs))
                .optional()
                .orElseThrow(() -> new NotFound("该公示不存在，或已过公示期"));
    }

    @Transactional(readOnly = true)
    public byte[] standingPdf(long id) {
        PublicNotice notice = standing(id);
        return pdf(notice.id(), notice.content(), notice.periodStart(), notice.periodEnd(), notice.objectionContact());
    }

    // --- called by case steps, inside their transaction ------------------------------------------------------------

    /** Publishes the case's notice of the given kind, built from the case and its decision by the profile's rules. */
    long publish(CaseRecord c, MatterType type, Actor actor, LocalDate on, String kind, String documentNumber) {
        if (type.notice() != null && type.notice().forbidden()) {
            throw new BusinessRuleViolation(
                    "本事项依法不得公示（" + legalBasis.cite(type.notice().basis()).text() + "，保护当事人隐私）");
        }
        boolean result = "RESULT".equals(kind);
        String profileName = result
                ? (type.disclosure() == null ? null : type.disclosure().profile())
                : (type.notice() == null ? null : type.notice().profile());
        if (profileName == null) {
            throw new BusinessRuleViolation("事项“" + type.name() + "”没有声明" + (result ? "结果公布" : "公示"));
        }
        NoticeProfile profile = NoticeProfile.valueOf(profileName);
        MatterType.Limit period =
                result ? type.disclosure().period() : type.notice().period();
        String title = result ? type.disclosure().title() : type.notice().title();
        Basis basis = result ? type.disclosure().basis() : type.notice().basis();
        String objectionContact = type.notice() != null && type.notice().objectionContact() != null
                ? type.notice().objectionContact()
                : "作出决定的机关";
        DecisionRow decision = (result ? decisions.issued(c.id()) : decisions.live(c.id())).orElse(null);

        List<Field> fields = fields(profile, c, type, decision, result, documentNumber);
        CaseEngine.Resolved days = engine.resolve(period, c, on);
        LocalDate end;
        try {
            end = engine.days().deadline(on, days.days(), days.dayType());
        } catch (cn.minzheng.calendar.CalendarUnknown e) {
            if (days.dayType() != cn.minzheng.calendar.DayType.CALENDAR) {
                throw e;
            }
            // a long publication period (years) ending in a year the calendar does not know yet: the plain date, not
            // moved past a rest day — a working-day period is never guessed
            end = on.plusDays(days.days());
        }
        String community = scopeNames.nameOf(c.communityCode());
        Content content = new Content(
                title,
                result ? documents.issuingBody(type, c) : scopeNames.nameOf(c.streetCode()) + "办事处",
                scopeNames.nameOf(c.streetCode()) + " " + community,
                fields,
                basis == null ? null : legalBasis.cite(basis).text());
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into public_notice (case_id, community_code, kind, title, profile, content, period_start,
                            period_end, days, day_type, objection_contact, status, published_by, published_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?) returning id
                        """)
                .params(
                        c.id(),
                        c.communityCode(),
                        kind,
                        title,
                        profile.name(),
                        json.writeValueAsString(content),
                        on,
                        end,
                        days.days(),
                        days.dayType().name(),
                        objectionContact,
                        actor.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        cases.addEvent(
                new CaseStore.NewEvent(
                        c.id(),
                        "NOTICE_PUBLISHED",
                        null,
                        c.state(),
                        c.state(),
                        on,
                        actor,
                        !"system".equals(actor.username()),
                        title + "：" + Formats.date(on) + "至" + Formats.date(end) + "（" + days.days() + " 个"
                                + days.dayType().label() + "）",
                        null,
                        basis,
                        json.writeValueAsString(Map.of("notice", id))),
                now);
        audit.record(AuditEvent.success("NOTICE_PUBLISHED", "procedure_case", c.id())
                .because("notice " + id + " " + kind + " until " + end));
        return id;
    }

    /** Withdraws the case's standing notices (the case was terminated). */
    void withdrawAll(CaseRecord c, Actor actor, LocalDate on) {
        List<Long> ids = jdbc.sql("select id from public_notice where case_id = ? and status = 'PUBLISHED'")
                .param(c.id())
                .query(Long.class)
                .list();
        for (long id : ids) {
            jdbc.sql("""
                            update public_notice set status = 'WITHDRAWN', taken_down_at = ?, taken_down_by = ?
                            where id = ?
                            """)
                    .params(Timestamp.from(clock.instant()), actor.username(), id)
                    .update();
            cases.addEvent(
                    new CaseStore.NewEvent(
                            c.id(),
                            "NOTICE_WITHDRAWN",
                            null,
                            c.state(),
                            c.state(),
                            on,
                            actor,
                            true,
                            "案件终止，撤回公示",
                            null,
                            null,
                            json.writeValueAsString(Map.of("notice", id))),
                    clock.instant());
            audit.record(AuditEvent.success("NOTICE_WITHDRAWN", "procedure_case", c.id())
                    .because("notice " + id));
        }
    }

    /** The latest 公示 of the case (for the steps' preconditions). */
    record Latest(long id, LocalDate periodEnd, String status, long openObjections) {}

    java.util.Optional<Latest> latestPublicity(long caseId) {
        return jdbc.sql("""
                        select n.id, n.period_end, n.status,
                            (select count(*) from notice_objection o where o.notice_id = n.id and o.status = 'OPEN')
                                as open_objections
                        from public_notice n where n.case_id = ? and n.kind = 'PUBLICITY'
                        order by n.id desc limit 1
                        """).param(caseId).query(Latest.class).optional();
    }

    /** Takes down notices whose period is over and records it on their cases (run by {@link NoticeSweep}). */
    int takeDownExpired(LocalDate today, Actor system) {
        record Expired(long id, long caseId, LocalDate periodEnd, String title) {}
        List<Expired> expired = jdbc.sql("""
                        select id, case_id, period_end, title from public_notice
                        where status = 'PUBLISHED' and period_end < ? order by id
                        """).param(today).query(Expired.class).list();
        for (Expired e : expired) {
            int changed = jdbc.sql("""
                            update public_notice set status = 'TAKEN_DOWN', taken_down_at = ?, taken_down_by = 'system'
                            where id = ? and status = 'PUBLISHED'
                            """)
                    .params(Timestamp.from(clock.instant()), e.id())
                    .update();
            if (changed == 0) {
                continue;
            }
            CaseRecord c = cases.lock(e.caseId()).orElseThrow();
            LocalDate ended = e.periodEnd().plusDays(1);
            cases.addEvent(
                    new CaseStore.NewEvent(
                            c.id(),
                            "NOTICE_ENDED",
                            null,
                            c.state(),
                            c.state(),
                            ended,
                            system,
                            false,
                            e.title() + "期满（至" + Formats.date(e.periodEnd()) + "），已自动撤下",
                            null,
                            null,
                            json.writeValueAsString(Map.of("notice", e.id()))),
                    clock.instant());
            audit.record(AuditEvent.success("NOTICE_TAKEN_DOWN", "procedure_case", c.id())
                    .because("notice " + e.id()));
        }
        return expired.size();
    }

    private List<Field> fields(
            NoticeProfile profile,
            CaseRecord c,
            MatterType type,
            DecisionRow decision,
            boolean result,
            String documentNumber) {
        Map<String, String> facts = decision == null
                ? Map.of()
                : json.readValue(decision.facts(), new TypeReference<Map<String, String>>() {});
        Map<String, String> results = decision == null
                ? Map.of()
                : json.readValue(decision.result(), new TypeReference<Map<String, String>>() {});
        List<Field> fields = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (NoticeProfile.NoticeField field : profile.fields()) {
            switch (field) {
                case NAME -> fields.add(new Field("姓名", c.partyName()));
                case PARTY_MASKED ->
                    fields.add(new Field(
                            "当事人", "PERSON".equals(c.partyKind()) ? Masks.name(c.partyName()) : c.partyName()));
                case HOUSEHOLD_SIZE -> {
                    String size = facts.get("householdSize");
                    if (size == null) {
                        missing.add("家庭人数（请先起草初审意见）");
                    } else {
                        fields.add(new Field("家庭人数", size + " 人"));
                    }
                }
                case AMOUNT -> {
                    String amount = results.isEmpty()
                            ? null
                            : results.values().iterator().next();
                    if (amount == null) {
                        missing.add("金额（请先起草初审意见或决定）");
                    } else {
                        String label = profile == NoticeProfile.DIBAO
                                ? (result ? "月保障金额" : "拟月保障金额")
                                : (result ? "罚款金额" : "拟罚款金额");
                        fields.add(new Field(label, Formats.yuan(new java.math.BigDecimal(amount).longValue())));
                    }
                }
                case RESULT -> {
                    if (decision == null) {
                        missing.add("结论（请先起草初审意见或决定）");
                    } else {
                        String name = type.decision()
                                .outcome(decision.outcome())
                                .map(MatterType.Outcome::name)
                                .orElse(decision.outcome());
                        fields.add(new Field(result ? "结果" : "初审意见", result ? name : "拟" + name));
                    }
                }
                case DOCUMENT_NUMBER -> {
                    if (documentNumber == null) {
                        missing.add("文号（决定作出后才有）");
                    } else {
                        fields.add(new Field("决定文号", documentNumber));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolation("公示内容缺少：" + String.join("、", missing));
        }
        return fields;
    }

    private NoticeView staffNotice(long noticeId) {
        // The row-level policy lets anyone see a notice within its period; staff pages show only their scope's.
        return jdbc.sql("""
                        select n.* from public_notice n
                        where n.id = ? and exists (select 1 from procedure_case c where c.id = n.case_id)
                        """)
                .param(noticeId)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFound("公示不存在，或不在您的数据范围内"));
    }

    private NoticeView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String kind = rs.getString("kind");
        String status = rs.getString("status");
        Timestamp down = rs.getTimestamp("taken_down_at");
        List<Objection> objections = jdbc.sql("select * from notice_objection where notice_id = ? order by id")
                .param(id)
                .query((o, n) -> {
                    Timestamp recorded = o.getTimestamp("recorded_at");
                    String s = o.getString("status");
                    return new Objection(
                            o.getLong("id"),
                            id,
                            o.getObject("received_on", LocalDate.class),
                            o.getString("channel"),
                            CHANNELS.get(o.getString("channel")),
                            o.getString("summary"),
                            s,
                            switch (s) {
                                case "OPEN" -> "待处理";
                                case "UPHELD" -> "异议成立";
                                default -> "异议不成立";
                            },
                            o.getString("recorded_by"),
                            recorded.toInstant(),
                            o.getString("resolution"),
                            o.getString("resolved_by"));
                })
                .list();
        return new NoticeView(
                id,
                rs.getLong("case_id"),
                kind,
                "RESULT".equals(kind) ? "结果公布" : "公示",
                rs.getString("profile"),
                json.readValue(rs.getString("content"), Content.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getInt("days"),
                rs.getString("day_type"),
                rs.getString("objection_contact"),
                status,
                switch (status) {
                    case "PUBLISHED" -> "公示中";
                    case "TAKEN_DOWN" -> "期满已撤下";
                    default -> "已撤回";
                },
                rs.getString("published_by"),
                rs.getTimestamp("published_at").toInstant(),
                down == null ? null : down.toInstant(),
                objections);
    }

    private PublicNotice publicNotice(ResultSet rs) throws SQLException {
        String dayType = rs.getString("day_type");
        return new PublicNotice(
                rs.getLong("id"),
                "RESULT".equals(rs.getString("kind")) ? "结果公布" : "公示",
                json.readValue(rs.getString("content"), Content.class),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                "WORKING".equals(dayType) ? "工作日" : "自然日",
                rs.getInt("days"),
                rs.getString("objection_contact"));
    }

    private static byte[] pdf(long id, Content content, LocalDate start, LocalDate end, String contact) {
        PdfDocument pdf = PdfDocument.a4(content.title())
                .issuer(content.issuer())
                .title(content.title())
                .right("公示编号 " + id)
                .line("公示范围：" + content.unit());
        List<String> headers = content.fields().stream().map(Field::label).toList();
        List<String> values = content.fields().stream().map(Field::value).toList();
        pdf.table(headers, List.of(values), null);
        pdf.paragraph("公示期：" + Formats.date(start) + " 至 " + Formats.date(end) + "。公示期间如有异议，请向" + contact
                + "反映。异议人应提供事实依据，我们将依法调查核实并为反映人保密。");
        if (content.basis() != null) {
            pdf.line("依据：" + content.basis());
        }
        pdf.signature(content.issuer(), Formats.date(start));
        return pdf.render();
    }
}
