package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.assistance.rules.IncomeKind;
import cn.minzheng.assistance.rules.PropertyFacts;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 调查核实: the investigation form (at least two investigators; who counts; income; property and the caseworker's
 * judgement on it; for 特困 the persons with a duty of support; for 刚性支出 the expenses) and the 特困 care-grade
 * assessment. What was found is kept; a new visit is a new record, and the latest one counts.
 */
@Service
public class Investigations {

    private final JdbcClient jdbc;
    private final ApplicationStore applications;
    private final Households households;
    private final PropertyCheck propertyCheck;
    private final AuditTrail audit;
    private final Clock clock;

    Investigations(
            JdbcClient jdbc,
            ApplicationStore applications,
            Households households,
            PropertyCheck propertyCheck,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.households = households;
        this.propertyCheck = propertyCheck;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the investigators found. {@code members} empty: take the membership policy's answers where it has one. */
    public record NewInvestigation(
            LocalDate visitedOn,
            List<String> investigators,
            List<Investigation.Member> members,
            List<Investigation.Income> incomes,
            Investigation.Property property,
            Boolean propertyWithinRules,
            String propertyJudgement,
            Boolean unstableIncome,
            List<Investigation.Expense> expenses,
            List<Investigation.Supporter> supporters,
            String severity,
            String note) {}

    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    @Transactional
    public Investigation record(long applicationId, NewInvestigation in) {
        Application a = applications.find(applicationId).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
        if (a.closedOn() != null) {
            throw new BusinessRuleViolation("案件已办结，不能再登记调查");
        }
        boolean urgent = a.kind() == CaseKind.TEMPORARY_URGENT;
        if (!urgent && !"INVESTIGATING".equals(a.state())) {
            throw new BusinessRuleViolation("案件处于调查核实阶段时才能登记入户调查（当前：" + stateLabel(a.state()) + "）");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate visited = in.visitedOn() == null ? today : in.visitedOn();
        if (visited.isAfter(today)) {
            throw new BusinessRuleViolation("调查日期不能晚于今天");
        }
        List<String> investigators = distinct(in.investigators());
        if (investigators.size() < 2) {
            throw new BusinessRuleViolation("入户调查人员不少于2人（《最低生活保障审核确认办法》第十六条），请填写全部调查人员");
        }
        List<Investigation.Member> members = members(a, in.members(), visited);
        if (members.stream().noneMatch(Investigation.Member::counted)) {
            throw new BusinessRuleViolation("至少有一名计入的家庭成员");
        }
        for (Investigation.Income income : nonNull(in.incomes())) {
            kind(income.kind());
            if (income.monthlyFen() < 0) {
                throw new BusinessRuleViolation("收入金额不能为负数");
            }
        }
        for (Investigation.Expense expense : nonNull(in.expenses())) {
            expense(expense.kind());
        }
        // The severity found on the visit; without one, the severity given at intake stands.
        String severity = in.severity() == null || in.severity().isBlank()
                ? null
                : in.severity().strip();
        if (severity != null && !List.of("GENERAL", "SERIOUS", "GRAVE").contains(severity)) {
            throw new BusinessRuleViolation("困难程度须为一般、较重或特别严重");
        }
        Investigation.Property property = in.property() == null ? Investigation.Property.none() : in.property();
        for (String vehicle : property.vehicles()) {
            vehicle(vehicle);
        }
        // Judged against the local rules in force (limits per person and household), never "any amount found"; a
        // person may judge otherwise, and then says why.
        PropertyCheck.Result judged = propertyCheck.judge(
                a.communityCode(),
                visited,
                (int) members.stream().filter(Investigation.Member::counted).count(),
                property);
        String judgement = blank(in.propertyJudgement());
        boolean withinRules = in.propertyWithinRules() == null ? judged.withinRules() : in.propertyWithinRules();
        if (withinRules != judged.withinRules() && (judgement == null || judgement.length() < 4)) {
            throw new BusinessRuleViolation("按本街道现行的财产规定，" + judged.inWords() + "。经办人作出不同判断的，须写明理由（财产研判意见）");
        }
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        long id = jdbc.sql("""
                        insert into assistance_investigation (application_id, community_code, visited_on, investigators,
                            members_counted, financial_assets_fen, vehicles, residential_properties,
                            non_residential_properties, business_with_employees, high_consumption,
                            property_within_rules, property_judgement, unstable_income, severity, note, recorded_by)
                        values (?, ?, ?, ?::text[], ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        a.id(),
                        a.communityCode(),
                        visited,
                        array(investigators),
                        (int) members.stream()
                                .filter(Investigation.Member::counted)
                                .count(),
                        property.financialAssetsFen(),
                        array(property.vehicles()),
                        property.residential(),
                        property.nonResidential(),
                        property.businessWithEmployees(),
                        property.highConsumption(),
                        withinRules,
                        judgement,
                        Boolean.TRUE.equals(in.unstableIncome()),
                        severity,
                        blank(in.note()),
                        actor)
                .query(Long.class)
                .single();
        for (Investigation.Member m : members) {
            jdbc.sql("""
                            insert into assistance_counted_member (investigation_id, community_code, resident_id,
                                member_name, counted, reason, able_to_work)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(id, a.communityCode(), m.residentId(), m.name(), m.counted(), m.reason(), m.ableToWork())
                    .update();
        }
        for (Investigation.Income income : nonNull(in.incomes())) {
            jdbc.sql("""
                            insert into assistance_income_item (investigation_id, community_code, member_name, kind,
                                monthly_fen, note)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            a.communityCode(),
                            blank(income.memberName()),
                            income.kind(),
                            income.monthlyFen(),
                            blank(income.note()))
                    .update();
        }
        for (Investigation.Expense expense : nonNull(in.expenses())) {
            jdbc.sql("""
                            insert into assistance_expense (investigation_id, community_code, kind, amount_fen)
                            values (?, ?, ?, ?)
                            """)
                    .params(id, a.communityCode(), expense.kind(), expense.amountFen())
                    .update();
        }
        for (Investigation.Supporter s : nonNull(in.supporters())) {
            jdbc.sql("""
                            insert into assistance_supporter (investigation_id, community_code, relation, age, is_tekun,
                                dibao_aged_60, low_income_and_assets, severely_disabled,
                                no_capacity_missing_imprisoned)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            a.communityCode(),
                            s.relation(),
                            s.age(),
                            s.tekun(),
                            s.dibaoAged60(),
                            s.lowIncomeAndAssets(),
                            s.severelyDisabled(),
                            s.noCapacityMissingImprisoned())
                    .update();
        }
        audit.record(AuditEvent.success("ASSISTANCE_INVESTIGATION_RECORDED", "assistance_application", a.id())
                .because("investigation " + id + " investigators=" + investigators.size()));
        return byId(id).orElseThrow();
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public Optional<Investigation> latest(long applicationId) {
        return jdbc.sql("select id from assistance_investigation where application_id = ? order by id desc limit 1")
                .param(applicationId)
                .query(Long.class)
                .optional()
                .flatMap(this::byId);
    }

    /** 生活自理能力评估 (特困人员认定办法第二十条): the six activities, the grade they give, who assessed. */
    public record CareAssessment(
            long id, LocalDate assessedOn, CareGrade.Activities activities, CareGrade grade, String assessor) {

        public String gradeLabel() {
            return grade.legal() + "（" + grade.common() + "）";
        }
    }

    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    @Transactional
    public CareAssessment assessCare(
            long applicationId, LocalDate on, CareGrade.Activities activities, String assessor) {
        Application a = applications.find(applicationId).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
        if (a.kind() != CaseKind.TEKUN) {
            throw new BusinessRuleViolation("生活自理能力评估用于特困人员认定");
        }
        if (activities == null) {
            throw new BusinessRuleViolation("请填写六项生活自理能力指标");
        }
        if (a.closedOn() != null) {
            throw new BusinessRuleViolation("案件已办结");
        }
        if (assessor == null || assessor.isBlank()) {
            throw new BusinessRuleViolation("请填写评估人员（或第三方评估机构）");
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        CareGrade grade = CareGrade.of(activities);
        long id = jdbc.sql("""
                        insert into assistance_care_assessment (application_id, community_code, assessed_on, eating,
                            dressing, bed, toilet, walking_indoors, bathing, grade, assessor, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        a.id(),
                        a.communityCode(),
                        day,
                        activities.eating(),
                        activities.dressing(),
                        activities.bed(),
                        activities.toilet(),
                        activities.walkingIndoors(),
                        activities.bathing(),
                        grade.name(),
                        assessor.strip(),
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success("ASSISTANCE_CARE_ASSESSED", "assistance_application", a.id())
                .because(grade.name()));
        return care(a.id()).orElseThrow();
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public Optional<CareAssessment> care(long applicationId) {
        return jdbc.sql("select * from assistance_care_assessment where application_id = ? order by id desc limit 1")
                .param(applicationId)
                .query((rs, n) -> new CareAssessment(
                        rs.getLong("id"),
                        rs.getObject("assessed_on", LocalDate.class),
                        new CareGrade.Activities(
                                rs.getBoolean("eating"),
                                rs.getBoolean("dressing"),
                                rs.getBoolean("bed"),
                                rs.getBoolean("toilet"),
                                rs.getBoolean("walking_indoors"),
                                rs.getBoolean("bathing")),
                        CareGrade.valueOf(rs.getString("grade")),
                        rs.getString("assessor")))
                .optional();
    }

    /** The members who count, checked against 第七条: the policy's exclusions hold; its open questions need an answer. */
    private List<Investigation.Member> members(Application a, List<Investigation.Member> given, LocalDate on) {
        if (a.householdId() == null
                || a.singlePerson()
                || a.kind() == CaseKind.TEKUN
                || a.kind() == CaseKind.TEKUN_END) {
            long person = a.personId();
            return List.of(new Investigation.Member(
                    person,
                    households.person(person).name(),
                    true,
                    a.kind() == CaseKind.TEKUN || a.kind() == CaseKind.TEKUN_END ? "特困人员以本人为对象" : "单人户（审核确认办法第八条）",
                    given != null && given.stream().anyMatch(m -> m.residentId() == person && m.ableToWork())));
        }
        List<HouseholdMembershipPolicy.Decision> policy = households.policy(a.householdId(), on);
        Map<Long, Investigation.Member> answers = nonNull(given).stream()
                .collect(Collectors.toMap(Investigation.Member::residentId, Function.identity(), (x, y) -> y));
        List<Investigation.Member> members = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (HouseholdMembershipPolicy.Decision d : policy) {
            Investigation.Member answer = answers.get(d.residentId());
            switch (d.verdict()) {
                case EXCLUDED -> {
                    if (answer != null && answer.counted()) {
                        throw new BusinessRuleViolation(
                                d.name() + "依" + d.basis() + "不计入共同生活的家庭成员（" + d.explanation() + "）");
                    }
                    members.add(new Investigation.Member(d.residentId(), d.name(), false, d.explanation(), false));
                }
                case INCLUDED -> {
                    if (answer != null && !answer.counted()) {
                        throw new BusinessRuleViolation(d.name() + "依" + d.basis() + "应计入共同生活的家庭成员，不得只纳入部分成员");
                    }
                    members.add(new Investigation.Member(
                            d.residentId(), d.name(), true, d.explanation(), answer != null && answer.ableToWork()));
                }
                case NEEDS_REVIEW -> {
                    if (answer == null
                            || answer.reason() == null
                            || answer.reason().isBlank()) {
                        open.add(d.name());
                    } else {
                        members.add(new Investigation.Member(
                                d.residentId(),
                                d.name(),
                                answer.counted(),
                                answer.reason().strip(),
                                answer.ableToWork()));
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            throw new BusinessRuleViolation("以下成员是否计入须经核实，请写明是否计入及理由：" + String.join("、", open));
        }
        return members;
    }

    private Optional<Investigation> byId(long id) {
        return jdbc.sql("select * from assistance_investigation where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private Investigation map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Investigation.Member> members = jdbc.sql(
                        "select * from assistance_counted_member where investigation_id = ? order by id")
                .param(id)
                .query((r, n) -> new Investigation.Member(
                        r.getLong("resident_id"),
                        r.getString("member_name"),
                        r.getBoolean("counted"),
                        r.getString("reason"),
                        r.getBoolean("able_to_work")))
                .list();
        List<Investigation.Income> incomes = jdbc.sql(
                        "select * from assistance_income_item where investigation_id = ? order by id")
                .param(id)
                .query((r, n) -> new Investigation.Income(
                        r.getString("member_name"), r.getString("kind"), r.getLong("monthly_fen"), r.getString("note")))
                .list();
        List<Investigation.Expense> expenses = jdbc.sql(
                        "select * from assistance_expense where investigation_id = ? order by id")
                .param(id)
                .query((r, n) -> new Investigation.Expense(r.getString("kind"), r.getLong("amount_fen")))
                .list();
        List<Investigation.Supporter> supporters = jdbc.sql(
                        "select * from assistance_supporter where investigation_id = ? order by id")
                .param(id)
                .query((r, n) -> new Investigation.Supporter(
                        r.getString("relation"),
                        r.getInt("age"),
                        r.getBoolean("is_tekun"),
                        r.getBoolean("dibao_aged_60"),
                        r.getBoolean("low_income_and_assets"),
                        r.getBoolean("severely_disabled"),
                        r.getBoolean("no_capacity_missing_imprisoned")))
                .list();
        return new Investigation(
                id,
                rs.getLong("application_id"),
                rs.getObject("visited_on", LocalDate.class),
                strings(rs.getArray("investigators")),
                members,
                incomes,
                new Investigation.Property(
                        rs.getLong("financial_assets_fen"),
                        strings(rs.getArray("vehicles")),
                        rs.getInt("residential_properties"),
                        rs.getInt("non_residential_properties"),
                        rs.getBoolean("business_with_employees"),
                        rs.getBoolean("high_consumption")),
                rs.getBoolean("property_within_rules"),
                rs.getString("property_judgement"),
                rs.getBoolean("unstable_income"),
                expenses,
                supporters,
                rs.getString("severity"),
                rs.getString("note"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    static IncomeKind kind(String kind) {
        try {
            return IncomeKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessRuleViolation("未知的收入类别：" + kind);
        }
    }

    static RigidExpenseHardship.Expense expense(String kind) {
        try {
            return RigidExpenseHardship.Expense.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessRuleViolation("未知的刚性支出类别：" + kind);
        }
    }

    static PropertyFacts.Vehicle vehicle(String kind) {
        try {
            return PropertyFacts.Vehicle.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessRuleViolation("未知的车辆类别：" + kind);
        }
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "RECEIVED" -> "已登记申请";
            case "ACCEPTED" -> "已受理";
            case "INVESTIGATING" -> "调查核实中";
            case "PUBLICITY" -> "公示中";
            case "CONFIRMING" -> "审核确认中";
            case "DECIDED" -> "已作出决定";
            case "AIDED" -> "已先行救助，待补办手续";
            case "CLOSED" -> "已办结";
            case "TERMINATED" -> "已终止";
            default -> state;
        };
    }

    private static List<String> distinct(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : nonNull(names)) {
            if (name != null && !name.isBlank()) {
                out.add(name.strip());
            }
        }
        return List.copyOf(out);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A typed array parameter: the driver writes the array literal, quoting included. */
    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
