package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.RegionLevel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 急难问题应急响应服务队 (the 2023 summary: 2 090 responders): a roster of responders by community — their phones are
 * personal data, stored only encrypted (SM4-GCM, {@code platform.crypto}) and masked in every list; an urgent case is
 * dispatched to responders, who acknowledge and arrive (the times are kept), and the dispatch is closed with its
 * outcome (e.g. 先行救助 granted, referred, no help needed).
 */
@Service
public class EmergencyTeam {

    static final String PHONE_PURPOSE = "assistance_responder.phone";
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    public static final String MANAGE = "hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')";
    public static final String READ =
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    EmergencyTeam(JdbcClient jdbc, FieldCipher cipher, Regions regions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Responder(
            long id,
            String communityCode,
            String name,
            String maskedPhone,
            String skills,
            boolean active,
            LocalDate joinedOn) {}

    public record Assignment(
            long id,
            long responderId,
            String responderName,
            String maskedPhone,
            Instant notifiedAt,
            Instant acknowledgedAt,
            Instant arrivedAt) {

        /** Minutes from notification to arrival, when arrived. */
        public Long minutesToArrive() {
            return arrivedAt == null
                    ? null
                    : java.time.Duration.between(notifiedAt, arrivedAt).toMinutes();
        }
    }

    public record Dispatch(
            long id,
            String communityCode,
            Long applicationId,
            String summary,
            String urgency,
            Instant reportedAt,
            String dispatchedBy,
            String state,
            String outcome,
            Instant closedAt,
            List<Assignment> assignments) {

        public String urgencyLabel() {
            return "IMMEDIATE".equals(urgency) ? "立即到场" : "当日到场";
        }
    }

    public record NewResponder(String communityCode, String name, String phone, String skills, LocalDate joinedOn) {}

    @PreAuthorize(MANAGE)
    @Transactional
    public Responder enrol(NewResponder in) {
        String community = community(in.communityCode());
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 50) {
            throw new BusinessRuleViolation("请填写队员姓名（不超过50字）");
        }
        String phone = in.phone() == null ? "" : in.phone().replace(" ", "").strip();
        if (!PHONE.matcher(phone).matches()) {
            throw new BusinessRuleViolation("联系电话须为手机号码或带区号的固定电话");
        }
        long id = jdbc.sql("""
                        insert into assistance_responder (community_code, name, phone_cipher, phone_masked, skills,
                            joined_on, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        community,
                        name,
                        cipher.encrypt(phone, PHONE_PURPOSE),
                        mask(phone),
                        blank(in.skills()),
                        in.joinedOn() == null ? LocalDate.now(clock) : in.joinedOn(),
                        actor())
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success("RESPONDER_ENROLLED", "assistance_responder", id));
        return responder(id);
    }

    @PreAuthorize(MANAGE)
    @Transactional
    public Responder setActive(long responderId, boolean active) {
        responder(responderId);
        jdbc.sql("update assistance_responder set active = ? where id = ?")
                .params(active, responderId)
                .update();
        audit.record(AuditEvent.success(
                active ? "RESPONDER_ACTIVATED" : "RESPONDER_DEACTIVATED", "assistance_responder", responderId));
        return responder(responderId);
    }

    /** The roster in the viewer's scope (optionally one community), phones masked. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Responder> roster(String community, int limit) {
        String scope = scope().code();
        String prefix = community == null || community.isBlank() ? scope : community.strip();
        if (!prefix.startsWith(scope)) {
            prefix = scope;
        }
        return jdbc.sql("""
                        select * from assistance_responder where starts_with(community_code, ?)
                        order by community_code, active desc, id limit ?
                        """)
                .params(prefix, Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> mapResponder(rs))
                .list();
    }

    /** The full phone of a responder, for the dispatcher who has to call; every reading is in the audit trail. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public String phone(long responderId) {
        byte[] sealed = jdbc.sql("select phone_cipher from assistance_responder where id = ?")
                .param(responderId)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new NotFound("队员不存在，或不在您的数据范围内"));
        audit.record(AuditEvent.success("RESPONDER_PHONE_REVEALED", "assistance_responder", responderId));
        return decrypt(cipher, sealed, PHONE_PURPOSE);
    }

    /** A value that does not decrypt (another key, an altered row) is reported, never shown garbled. */
    static String decrypt(FieldCipher cipher, byte[] sealed, String purpose) {
        try {
            return cipher.decrypt(sealed, purpose);
        } catch (IllegalStateException e) {
            throw new BusinessRuleViolation("该电话号码无法解密（密钥不符或记录已被改动），请联系安全管理员");
        }
    }

    public record NewDispatch(
            String communityCode, Long applicationId, String summary, String urgency, List<Long> responderIds) {}

    @PreAuthorize(MANAGE)
    @Transactional
    public Dispatch dispatch(NewDispatch in) {
        String community = community(in.communityCode());
        if (in.summary() == null || in.summary().strip().length() < 4) {
            throw new BusinessRuleViolation("请简要写明急难情况（地点、人数、需要的帮助），不写身份证号等个人信息");
        }
        String urgency = in.urgency() == null ? "IMMEDIATE" : in.urgency();
        if (!urgency.equals("IMMEDIATE") && !urgency.equals("SAME_DAY")) {
            throw new BusinessRuleViolation("请选择响应要求：立即到场或当日到场");
        }
        LinkedHashSet<Long> responders = new LinkedHashSet<>(in.responderIds() == null ? List.of() : in.responderIds());
        if (responders.isEmpty()) {
            throw new BusinessRuleViolation("请至少派出一名队员");
        }
        if (in.applicationId() != null) {
            long found = jdbc.sql("select count(*) from assistance_application where id = ?")
                    .param(in.applicationId())
                    .query(Long.class)
                    .single();
            if (found == 0) {
                throw new NotFound("关联的申请不存在，或不在您的数据范围内");
            }
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into assistance_dispatch (community_code, application_id, summary, urgency, reported_at,
                            dispatched_by, state)
                        values (?, ?, ?, ?, ?, ?, 'OPEN') returning id
                        """)
                .params(community, in.applicationId(), in.summary().strip(), urgency, Timestamp.from(now), actor())
                .query(Long.class)
                .single();
        for (long responderId : responders) {
            Responder r = responder(responderId);
            if (!r.active()) {
                throw new BusinessRuleViolation("队员 " + r.name() + " 已停用，不能派出");
            }
            jdbc.sql("""
                            insert into assistance_dispatch_responder (dispatch_id, responder_id, community_code,
                                notified_at)
                            values (?, ?, ?, ?)
                            """)
                    .params(id, responderId, community, Timestamp.from(now))
                    .update();
        }
        if (in.applicationId() != null) {
            jdbc.sql("update assistance_temporary set dispatch_id = ? where application_id = ?")
                    .params(id, in.applicationId())
                    .update();
        }
        audit.record(AuditEvent.success("EMERGENCY_DISPATCHED", "assistance_dispatch", id)
                .because("responders " + responders.size()));
        return dispatch(id);
    }

    /** A responder answered (acknowledged) or arrived, at the time given or now. */
    @PreAuthorize(MANAGE)
    @Transactional
    public Dispatch record(long assignmentId, String event, Instant at) {
        record Row(long dispatchId, Instant acknowledged, Instant notified) {}
        Row row = jdbc.sql(
                        "select dispatch_id, acknowledged_at, notified_at from assistance_dispatch_responder where id = ?")
                .param(assignmentId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .optional()
                .orElseThrow(() -> new NotFound("派单记录不存在，或不在您的数据范围内"));
        Dispatch d = dispatch(row.dispatchId());
        if (!"OPEN".equals(d.state())) {
            throw new BusinessRuleViolation("该派单已结束");
        }
        Instant when = at == null ? clock.instant() : at;
        if (when.isBefore(row.notified()) || when.isAfter(clock.instant())) {
            throw new BusinessRuleViolation("时间须在派单之后、现在之前");
        }
        switch (event) {
            case "ACKNOWLEDGED" ->
                jdbc.sql(
                                "update assistance_dispatch_responder set acknowledged_at = coalesce(acknowledged_at, ?) where id = ?")
                        .params(Timestamp.from(when), assignmentId)
                        .update();
            case "ARRIVED" -> {
                if (row.acknowledged() != null && when.isBefore(row.acknowledged())) {
                    throw new BusinessRuleViolation("到场时间不能早于响应时间");
                }
                jdbc.sql("""
                                update assistance_dispatch_responder
                                set acknowledged_at = coalesce(acknowledged_at, ?), arrived_at = coalesce(arrived_at, ?)
                                where id = ?
                                """)
                        .params(Timestamp.from(when), Timestamp.from(when), assignmentId)
                        .update();
            }
            default -> throw new BusinessRuleViolation("未知的事件：" + event);
        }
        audit.record(AuditEvent.success("EMERGENCY_" + event, "assistance_dispatch", d.id())
                .because("assignment " + assignmentId));
        return dispatch(d.id());
    }

    @PreAuthorize(MANAGE)
    @Transactional
    public Dispatch close(long dispatchId, String outcome) {
        Dispatch d = dispatch(dispatchId);
        if (!"OPEN".equals(d.state())) {
            throw new BusinessRuleViolation("该派单已结束");
        }
        if (outcome == null || outcome.strip().length() < 2) {
            throw new BusinessRuleViolation("请写明处置结果（如：已先行救助、已转介、无需救助）");
        }
        jdbc.sql(
                        "update assistance_dispatch set state = 'CLOSED', outcome = ?, closed_at = ?, closed_by = ? where id = ?")
                .params(outcome.strip(), Timestamp.from(clock.instant()), actor(), dispatchId)
                .update();
        audit.record(AuditEvent.success("EMERGENCY_CLOSED", "assistance_dispatch", dispatchId));
        return dispatch(dispatchId);
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Dispatch> dispatches(boolean openOnly, int limit) {
        return jdbc
                .sql("""
                        select id from assistance_dispatch where starts_with(community_code, ?)
                          and (not ? or state = 'OPEN')
                        order by id desc limit ?
                        """)
                .params(scope().code(), openOnly, Math.max(1, Math.min(limit, 500)))
                .query(Long.class)
                .list()
                .stream()
                .map(this::dispatch)
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public Dispatch get(long dispatchId) {
        return dispatch(dispatchId);
    }

    private Dispatch dispatch(long id) {
        List<Assignment> assignments = jdbc.sql("""
                        select a.*, r.name, r.phone_masked from assistance_dispatch_responder a
                        join assistance_responder r on r.id = a.responder_id
                        where a.dispatch_id = ? order by a.id
                        """)
                .param(id)
                .query((rs, n) -> new Assignment(
                        rs.getLong("id"),
                        rs.getLong("responder_id"),
                        rs.getString("name"),
                        rs.getString("phone_masked"),
                        rs.getTimestamp("notified_at").toInstant(),
                        instant(rs.getTimestamp("acknowledged_at")),
                        instant(rs.getTimestamp("arrived_at"))))
                .list();
        return jdbc.sql("select * from assistance_dispatch where id = ?")
                .param(id)
                .query((rs, n) -> new Dispatch(
                        rs.getLong("id"),
                        rs.getString("community_code"),
                        (Long) rs.getObject("application_id"),
                        rs.getString("summary"),
                        rs.getString("urgency"),
                        rs.getTimestamp("reported_at").toInstant(),
                        rs.getString("dispatched_by"),
                        rs.getString("state"),
                        rs.getString("outcome"),
                        instant(rs.getTimestamp("closed_at")),
                        assignments))
                .optional()
                .orElseThrow(() -> new NotFound("派单不存在，或不在您的数据范围内"));
    }

    private Responder responder(long id) {
        return jdbc.sql("select * from assistance_responder where id = ?")
                .param(id)
                .query((rs, n) -> mapResponder(rs))
                .optional()
                .orElseThrow(() -> new NotFound("队员不存在，或不在您的数据范围内"));
    }

    private static Responder mapResponder(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Responder(
                rs.getLong("id"),
                rs.getString("community_code"),
                rs.getString("name"),
                rs.getString("phone_masked"),
                rs.getString("skills"),
                rs.getBoolean("active"),
                rs.getObject("joined_on", LocalDate.class));
    }

    private String community(String code) {
        String community = code == null ? "" : code.strip();
        if (!community.matches("[0-9]{12}")) {
            throw new BusinessRuleViolation("请选择社区（12位社区代码）");
        }
        if (!scope().covers(community)) {
            throw new AccessDeniedException("社区 " + community + " 不在您的数据范围内");
        }
        regions.find(community, LocalDate.now(clock))
                .filter(u -> u.level() == RegionLevel.COMMUNITY)
                .orElseThrow(() -> new BusinessRuleViolation("社区 " + community + " 不存在或已撤销"));
        return community;
    }

    /** 138****5678; a landline keeps its area code and last two digits. */
    static String mask(String phone) {
        if (phone.length() == 11 && phone.startsWith("1")) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        int keep = Math.min(4, phone.length() / 3);
        return phone.substring(0, keep) + "****" + phone.substring(phone.length() - 2);
    }

    private static DataScope scope() {
        return DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
