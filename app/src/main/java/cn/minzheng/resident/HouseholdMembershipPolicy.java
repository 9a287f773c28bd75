package cn.minzheng.resident;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Who counts as a member of the household for social assistance: 《最低生活保障审核确认办法》（民政部，2021年7月1日施行）
 * 第七条. The applicant is the head of the household; relationships are those recorded relative to the head.
 *
 * <p>第七条第一款 counts as 共同生活的家庭成员: （一）配偶；（二）未成年子女；（三）已成年但不能独立生活的子女，包括在校接受全日制本科及以下学历教育的子女；
 * （四）其他具有法定赡养、扶养、抚养义务关系并长期共同居住的人员. 第二款 excludes: （一）连续三年以上（含三年）脱离家庭独立生活的宗教教职人员；
 * （二）在监狱内服刑、在强制隔离戒毒所强制隔离戒毒或者宣告失踪人员；（三）省级民政部门认定的其他人员 (none configured yet).
 *
 * <p>Where the law's answer depends on facts the records do not hold (the duties between grandparents and grandchildren,
 * or between siblings, arise only when the parents have died or cannot support: 民法典第一千零七十四条、第一千零七十五条), the
 * answer is "needs review", never a silent yes or no: the 2022 通知 forbids leaving out part of an eligible household.
 */
public final class HouseholdMembershipPolicy {

    static final String ARTICLE = "《最低生活保障审核确认办法》第七条";
    private static final int CLERGY_YEARS = 3;
    private static final List<String> BACHELOR_OR_BELOW = List.of("学前", "小学", "初中", "高中", "中职", "专科", "本科");

    public enum Verdict {
        INCLUDED("计入"),
        EXCLUDED("不计入"),
        NEEDS_REVIEW("须核实");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the policy needs to know about a member on the date asked about. */
    record Member(
            long residentId,
            String name,
            Relationship relationship,
            LocalDate birthDate,
            LocalDate diedOn,
            List<StatusPeriod> statuses) {}

    /** The answer for one member: the verdict, the clause it rests on, and why, in words a caseworker can check. */
    public record Decision(
            long residentId,
            String name,
            Relationship relationship,
            Verdict verdict,
            String basis,
            String explanation) {

        public String verdictLabel() {
            return verdict.label();
        }

        public String relationshipLabel() {
            return relationship.label();
        }

        public boolean included() {
            return verdict == Verdict.INCLUDED;
        }
    }

    private HouseholdMembershipPolicy() {}

    static List<Decision> decide(List<Member> members, LocalDate on) {
        return members.stream().map(member -> decide(member, on)).toList();
    }

    static Decision decide(Member m, LocalDate on) {
        if (m.diedOn() != null && !m.diedOn().isAfter(on)) {
            return decision(m, Verdict.EXCLUDED, "—", "已于" + cn.minzheng.platform.Display.date(m.diedOn()) + "死亡");
        }
        StatusPeriod clergy = active(m, StatusKind.CLERGY_LIVING_APART, on);
        String clergyNote = "";
        if (clergy != null) {
            if (!clergy.validFrom().plusYears(CLERGY_YEARS).isAfter(on)) {
                return decision(m, Verdict.EXCLUDED, clause(2, 1), "宗教教职人员，自 " + clergy.validFrom() + " 起脱离家庭独立生活已满三年");
            }
            clergyNote = "（宗教教职人员脱离家庭独立生活自 " + clergy.validFrom() + " 起，未满三年，仍按关系判断）";
        }
        for (StatusKind kind : List.of(
                StatusKind.IMPRISONED, StatusKind.COMPULSORY_DRUG_REHABILITATION, StatusKind.DECLARED_MISSING)) {
            StatusPeriod status = active(m, kind, on);
            if (status != null) {
                return decision(m, Verdict.EXCLUDED, clause(2, 2), kind.label() + "（自 " + status.validFrom() + " 起）");
            }
        }
        boolean apart = active(m, StatusKind.LIVING_APART, on) != null;
        Decision decision = switch (m.relationship()) {
            case HEAD -> decision(m, Verdict.INCLUDED, ARTICLE, "申请人本人（户主）");
            case SPOUSE -> decision(m, Verdict.INCLUDED, clause(1, 1), "申请人的配偶");
            case CHILD -> child(m, on, apart);
            case PARENT ->
                apart
                        ? decision(m, Verdict.EXCLUDED, clause(1, 4), "申请人的父母，但未与申请人长期共同居住")
                        : decision(m, Verdict.INCLUDED, clause(1, 4), "申请人对其负有法定赡养义务，且长期共同居住");
            case GRANDCHILD, GRANDPARENT, SIBLING ->
                apart
                        ? decision(
                                m,
                                Verdict.EXCLUDED,
                                clause(1, 4),
                                m.relationship().label() + "，未长期共同居住")
                        : decision(
                                m,
                                Verdict.NEEDS_REVIEW,
                                clause(1, 4),
                                m.relationship().label() + "之间仅在父母已经死亡或无力抚养、赡养等情形下负有法定义务（民法典第一千零七十四条、第一千零七十五条），请核实后确定");
            case CHILD_IN_LAW, PARENT_IN_LAW ->
                apart
                        ? decision(
                                m,
                                Verdict.EXCLUDED,
                                clause(1, 4),
                                m.relationship().label() + "，未长期共同居住")
                        : decision(
                                m,
                                Verdict.NEEDS_REVIEW,
                                clause(1, 4),
                                m.relationship().label() + "与申请人本人之间没有法定赡养、扶养义务，但与同户的家庭成员（其子女或配偶）之间有；长期共同居住时请核实是否计入");
            case OTHER_RELATIVE, NON_RELATIVE ->
                decision(m, Verdict.EXCLUDED, clause(1, 4), m.relationship().label() + "，与申请人之间没有法定赡养、扶养、抚养义务");
        };
        if (clergyNote.isEmpty()) {
            return decision;
        }
        return new Decision(
                decision.residentId(),
                decision.name(),
                decision.relationship(),
                decision.verdict(),
                decision.basis(),
                decision.explanation() + clergyNote);
    }

    private static Decision child(Member m, LocalDate on, boolean apart) {
        int age = Period.between(m.birthDate(), on).getYears();
        if (age < 18) {
            return decision(m, Verdict.INCLUDED, clause(1, 2), "未成年子女（" + age + "周岁）");
        }
        StatusPeriod study = active(m, StatusKind.FULL_TIME_STUDENT, on);
        if (study != null && study.level() != null && BACHELOR_OR_BELOW.contains(study.level())) {
            return decision(m, Verdict.INCLUDED, clause(1, 3), "已成年子女，在校接受全日制" + study.level() + "教育（本科及以下），视为不能独立生活");
        }
        StatusPeriod disability = active(m, StatusKind.DISABILITY, on);
        if (disability != null && disability.grade() != null && disability.grade() <= 2) {
            return decision(m, Verdict.INCLUDED, clause(1, 3), "已成年子女，" + disability.description() + "残疾，不能独立生活");
        }
        StatusPeriod selfCare = active(m, StatusKind.SELF_CARE, on);
        if (selfCare != null && ("部分失能".equals(selfCare.level()) || "完全失能".equals(selfCare.level()))) {
            return decision(m, Verdict.INCLUDED, clause(1, 3), "已成年子女，" + selfCare.level() + "，不能独立生活");
        }
        if (apart) {
            return decision(m, Verdict.EXCLUDED, clause(1, 4), "已成年且能独立生活的子女，未与申请人长期共同居住");
        }
        return decision(m, Verdict.INCLUDED, clause(1, 4), "已成年子女，对申请人负有法定赡养义务，且长期共同居住");
    }

    private static StatusPeriod active(Member m, StatusKind kind, LocalDate on) {
        return m.statuses().stream()
                .filter(s -> s.kind() == kind && s.activeOn(on))
                .findFirst()
                .orElse(null);
    }

    private static String clause(int paragraph, int item) {
        String[] numbers = {"", "一", "二", "三", "四"};
        return ARTICLE + "第" + numbers[paragraph] + "款第（" + numbers[item] + "）项";
    }

    private static Decision decision(Member m, Verdict verdict, String basis, String explanation) {
        return new Decision(m.residentId(), m.name(), m.relationship(), verdict, basis, explanation);
    }
}
