package cn.minzheng.procedure;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.calendar.DayType;
import cn.minzheng.platform.District;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.RegionCode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 参数登记表: numbers set by law or policy — standards, multipliers, time limits, thresholds — as effective-dated
 * values with their unit, scope and legal basis. Every module asks {@link #valueAsOf} ("the value on this date for this
 * street") instead of holding constants. A new value is proposed by the business department (业务科室经办) with its
 * basis and takes effect once a district leader (区局领导) other than the proposer approves it; nothing is overwritten.
 */
@Service
public class Parameters {

    static final Map<String, String> UNIT_LABELS = Map.of(
            "DAYS", "日（工作日或自然日）",
            "MONTHS", "月",
            "YEARS", "年",
            "FEN", "金额（元）",
            "RATIO", "比例/倍数",
            "COUNT", "次数",
            "MONTH_DAY", "月日");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final District district;
    private final Clock clock;

    Parameters(JdbcClient jdbc, AuditTrail audit, District district, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.district = district;
        this.clock = clock;
    }

    public record Definition(
            String code,
            String name,
            String unit,
            String unitLabel,
            String category,
            String description,
            String confidence,
            String confirmationNote) {}

    /** A definition with the district's value today and how many proposals wait for approval. */
    public record Overview(Definition definition, ParameterValue current, long pending) {}

    public record History(Definition definition, List<ParameterValue> values) {}

    public record Proposal(
            String scopeCode,
            String value,
            DayType dayType,
            LocalDate effectiveFrom,
            Basis basis,
            String basisNote,
            Boolean needsConfirmation,
            String reason) {}

    /**
     * The value in force on {@code date} for a unit: the street's own value if it has one, else the district's.
     * {@code unitCode} may be a community, street or district code. Refused when no value is in force.
     */
    @Transactional(readOnly = true)
    public ParameterValue valueAsOf(String code, String unitCode, LocalDate date) {
        return find(code, unitCode, date)
                .orElseThrow(() -> new BusinessRuleViolation("参数 " + code + " 在 " + date + " 没有生效的值，请先在“参数管理”中录入并经批准"));
    }

    @Transactional(readOnly = true)
    public Optional<ParameterValue> find(String code, String unitCode, LocalDate date) {
        String street = unitCode != null && unitCode.length() >= 9 ? unitCode.substring(0, 9) : null;
        return jdbc.sql(SELECT + """
                         where v.code = :code and v.status = 'APPROVED' and v.effective_from <= :date
                           and (v.unit_code = :district or v.unit_code = :street)
                         order by length(v.unit_code) desc, v.effective_from desc limit 1
                        """)
                .param("code", code)
                .param("date", date)
                .param("district", district.code())
                .param("street", street == null ? "" : street)
                .query((rs, n) -> map(rs))
                .optional();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Overview> overview() {
        LocalDate today = LocalDate.now(clock);
        return jdbc
                .sql("select * from parameter_definition order by category, code")
                .query((rs, n) -> definition(rs))
                .list()
                .stream()
                .map(d -> new Overview(
                        d,
                        find(d.code(), district.code(), today).orElse(null),
                        jdbc.sql("select count(*) from parameter_value where code = ? and status = 'PROPOSED'")
                                .param(d.code())
                                .query(Long.class)
                                .single()))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public History history(String code) {
        Definition definition = definition(code);
        List<ParameterValue> values = jdbc.sql(
                        SELECT + " where v.code = ? order by v.unit_code, v.effective_from desc, v.id desc")
                .param(code)
                .query((rs, n) -> map(rs))
                .list();
        return new History(definition, values);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ParameterValue> pending() {
        return jdbc.sql(SELECT + " where v.status = 'PROPOSED' order by v.proposed_at")
                .query((rs, n) -> map(rs))
                .list();
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'LEGAL_REVIEWER')")
    @Transactional
    public ParameterValue propose(String code, Proposal proposal) {
        Definition definition = definition(code);
        if (!Actor.current().has("DEPARTMENT_OFFICER") && !"救济途径".equals(definition.category())) {
            // 法制审核员 set the remedy rules where the law is unclear; every other value is the department's
            throw new org.springframework.security.access.AccessDeniedException("法制审核员只能提出救济途径类参数");
        }
        ParameterValue value =
                insert(definition, proposal, "PROPOSED", Actor.current().username(), null);
        audit.record(AuditEvent.success("PARAMETER_PROPOSED", "parameter_value", value.id())
                .because(code));
        return value;
    }

    /** Approval by a district leader who did not propose the value; it supersedes a value of the same date. */
    @PreAuthorize("hasRole('DISTRICT_LEADER')")
    @Transactional
    public ParameterValue approve(long id, String note) {
        ParameterValue value = pendingValue(id);
        Actor actor = Actor.current();
        if (value.proposedBy().equals(actor.username())) {
            throw new BusinessRuleViolation("提出参数新值的人不能批准自己的提议");
        }
        jdbc.sql("""
                        update parameter_value set status = 'SUPERSEDED', decision_note = coalesce(decision_note, '')
                            || '（被第' || :id || '号新值替代）'
                        where code = :code and unit_code = :scope and effective_from = :from and status = 'APPROVED'
                        """)
                .param("id", id)
                .param("code", value.code())
                .param("scope", value.scopeCode())
                .param("from", value.effectiveFrom())
                .update();
        decide(id, "APPROVED", actor.username(), note);
        audit.record(
                AuditEvent.success("PARAMETER_APPROVED", "parameter_value", id).because(value.code()));
        return byId(id);
    }

    @PreAuthorize("hasRole('DISTRICT_LEADER')")
    @Transactional
    public ParameterValue refuse(long id, String note) {
        ParameterValue value = pendingValue(id);
        if (note == null || note.isBlank()) {
            throw new BusinessRuleViolation("不批准时请说明理由");
        }
        decide(id, "REFUSED", Actor.current().username(), note);
        audit.record(
                AuditEvent.success("PARAMETER_REFUSED", "parameter_value", id).because(value.code()));
        return byId(id);
    }

    /** Seeds a definition and its first value, approved by the platform (reference data shipped with a release). */
    void seed(Definition definition, Proposal first) {
        jdbc.sql("""
                        insert into parameter_definition (code, name, unit, category, description, confidence,
                            confirmation_note)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        definition.code(),
                        definition.name(),
                        definition.unit(),
                        definition.category(),
                        definition.description(),
                        definition.confidence(),
                        definition.confirmationNote())
                .update();
        insert(definition(definition.code()), first, "APPROVED", "system", "随平台发布的参考数据");
    }

    boolean defined(String code) {
        return jdbc.sql("select count(*) from parameter_definition where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Definition> findDefinition(String code) {
        return jdbc.sql("select * from parameter_definition where code = ?")
                .param(code)
                .query((rs, n) -> definition(rs))
                .optional();
    }

    ParameterValue byId(long id) {
        return jdbc.sql(SELECT + " where v.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("参数值 " + id + " 不存在"));
    }

    private Definition definition(String code) {
        return findDefinition(code).orElseThrow(() -> new NotFound("参数 " + code + " 不存在"));
    }

    private ParameterValue pendingValue(long id) {
        ParameterValue value = byId(id);
        if (!"PROPOSED".equals(value.status())) {
            throw new BusinessRuleViolation("该参数值已经处理过（" + value.status() + "）");
        }
        return value;
    }

    private void decide(long id, String status, String by, String note) {
        jdbc.sql("""
                        update parameter_value set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
                        where id = ?
                        """)
                .params(status, by, Timestamp.from(clock.instant()), blankToNull(note), id)
                .update();
    }

    private ParameterValue insert(Definition definition, Proposal p, String status, String by, String decisionNote) {
        String scope = p.scopeCode() == null || p.scopeCode().isBlank()
                ? district.code()
                : p.scopeCode().strip();
        if (!RegionCode.isWellFormed(scope) || scope.length() == 12 || !scope.startsWith(district.code())) {
            throw new BusinessRuleViolation("适用范围须为本区（" + district.code() + "）或本区的一个街道（9位代码）");
        }
        if (p.effectiveFrom() == null) {
            throw new BusinessRuleViolation("请填写生效日期");
        }
        if (p.reason() == null || p.reason().isBlank()) {
            throw new BusinessRuleViolation("请说明调整理由（如依据的新文件）");
        }
        Basis basis = p.basis();
        if ((basis == null || basis.document() == null)
                && (p.basisNote() == null || p.basisNote().isBlank())) {
            throw new BusinessRuleViolation("每个参数值都须有法律依据：选择目录中的文件和条文，或写明依据的文件名称和文号");
        }
        if (basis != null && basis.document() != null) {
            Integer known = basis.article() == null
                    ? jdbc.sql("select count(*) from legal_document where code = ?")
                            .param(basis.document())
                            .query(Integer.class)
                            .single()
                    : jdbc.sql("select count(*) from legal_article where document_code = ? and article = ?")
                            .params(basis.document(), basis.article())
                            .query(Integer.class)
                            .single();
            if (known == 0) {
                throw new BusinessRuleViolation("法律依据目录中没有 " + basis + "，请先录入该文件和条文");
            }
        }
        BigDecimal value = parse(definition, p.value());
        DayType dayType = p.dayType();
        if ("DAYS".equals(definition.unit()) && dayType == null) {
            throw new BusinessRuleViolation("期限类参数须注明按工作日还是自然日计算");
        }
        if (!"DAYS".equals(definition.unit())) {
            dayType = null;
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into parameter_value (code, unit_code, value, day_type, effective_from, basis_document,
                            basis_article, basis_note, needs_confirmation, status, proposed_by, proposed_at, reason,
                            decided_by, decided_at, decision_note)
                        values (:code, :scope, :value, :dayType, :from, :doc, :article, :note, :confirm, :status, :by,
                            :at, :reason, :decidedBy, :decidedAt, :decisionNote)
                        returning id
                        """)
                .param("code", definition.code())
                .param("scope", scope)
                .param("value", value)
                .param("dayType", dayType == null ? null : dayType.name())
                .param("from", p.effectiveFrom())
                .param("doc", basis == null ? null : basis.document())
                .param("article", basis == null ? null : basis.article())
                .param("note", blankToNull(p.basisNote()))
                .param("confirm", Boolean.TRUE.equals(p.needsConfirmation()))
                .param("status", status)
                .param("by", by)
                .param("at", Timestamp.from(now))
                .param("reason", p.reason().strip())
                .param("decidedBy", "APPROVED".equals(status) ? by : null)
                .param("decidedAt", "APPROVED".equals(status) ? Timestamp.from(now) : null)
                .param("decisionNote", decisionNote)
                .query(Long.class)
                .single();
        return byId(id);
    }

    static BigDecimal parse(Definition definition, String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("请填写参数值");
        }
        String unit = definition.unit();
        try {
            BigDecimal value = "FEN".equals(unit)
                    ? BigDecimal.valueOf(Formats.fen(text))
                    : new BigDecimal(text.strip().replace(",", ""));
            if (value.signum() < 0) {
                throw new BusinessRuleViolation("参数值不能为负数");
            }
            switch (unit) {
                case "DAYS", "MONTHS", "YEARS", "COUNT" -> value.intValueExact();
                case "MONTH_DAY" -> MonthDay.of(value.intValueExact() / 100, value.intValueExact() % 100);
                default -> {}
            }
            return value;
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            throw new BusinessRuleViolation("参数值“" + text + "”不符合单位“" + UNIT_LABELS.get(unit) + "”"
                    + ("FEN".equals(unit) ? "（按元填写，最多两位小数）" : "（须为整数）"));
        }
    }

    private static final String SELECT = """
            select v.*, d.name, d.unit from parameter_value v join parameter_definition d on d.code = v.code
            """;

    private static ParameterValue map(ResultSet rs) throws SQLException {
        String dayType = rs.getString("day_type");
        String doc = rs.getString("basis_document");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ParameterValue(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getString("unit_code"),
                plain(rs.getBigDecimal("value")),
                dayType == null ? null : DayType.valueOf(dayType),
                rs.getObject("effective_from", LocalDate.class),
                doc == null ? null : new Basis(doc, rs.getString("basis_article")),
                rs.getString("basis_note"),
                rs.getBoolean("needs_confirmation"),
                rs.getString("status"),
                rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("reason"),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"));
    }

    /** 30.000000 → 30, 1.500000 → 1.5 (never 3E+1). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Definition definition(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        return new Definition(
                rs.getString("code"),
                rs.getString("name"),
                unit,
                UNIT_LABELS.getOrDefault(unit, unit),
                rs.getString("category"),
                rs.getString("description"),
                rs.getString("confidence"),
                rs.getString("confirmation_note"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
