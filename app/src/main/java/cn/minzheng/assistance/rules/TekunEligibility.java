package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * 特困人员认定 (《特困人员认定办法》第四条): an elderly, disabled or minor person who has no capacity to work (第五条), no
 * source of living (第六条) and no one with a legal duty of support who is able to give it (第八条). A minor who also
 * qualifies for child welfare and chooses it is not recognised as 特困 (第九条).
 */
public final class TekunEligibility {

    /** A person with a legal duty of support, as far as 第八条 asks about them. */
    public record Supporter(
            String relation,
            boolean tekun,
            boolean dibaoAged60OrMore,
            int age,
            boolean incomeBelowLocalAverageAndAssetsWithinRule,
            boolean severelyDisabledOrIntellectualMentalGrade3,
            boolean noCivilCapacityMissingOrImprisoned) {

        /** 第八条: treated as unable to support. */
        public boolean unable() {
            return tekun
                    || dibaoAged60OrMore
                    || (age >= 70 && incomeBelowLocalAverageAndAssetsWithinRule)
                    || (severelyDisabledOrIntellectualMentalGrade3 && incomeBelowLocalAverageAndAssetsWithinRule)
                    || (noCivilCapacityMissingOrImprisoned && incomeBelowLocalAverageAndAssetsWithinRule);
        }
    }

    public record Result(boolean eligible, Trace trace) {}

    public Result assess(
            MemberFacts person,
            LocalDate on,
            Money monthlyIncome,
            Money dibaoStandard,
            boolean assetsWithinRule,
            List<Supporter> supporters,
            boolean choosesChildWelfare) {
        Trace trace = new Trace();
        int age = person.ageOn(on);
        boolean noCapacity = noCapacityToWork(person, age);
        trace.add(
                "无劳动能力（年满60周岁、未满16周岁，或符合条件的残疾）",
                yes(noCapacity) + "（" + age + " 岁，残疾："
                        + person.disabilityCategory().label()
                        + (person.disabilityGrade() > 0 ? person.disabilityGrade() + "级" : "") + "）",
                Articles.TEKUN_NO_WORK_CAPACITY);
        boolean noIncome = monthlyIncome.lessThan(dibaoStandard) && assetsWithinRule;
        trace.add(
                "无生活来源（收入低于低保标准 " + dibaoStandard + " 且财产符合规定）",
                yes(noIncome) + "（月收入 " + monthlyIncome + "）",
                Articles.TEKUN_NO_INCOME);
        boolean noSupport = supporters.stream().allMatch(Supporter::unable);
        trace.add(
                "无法定赡养、抚养、扶养义务人，或其无履行能力",
                yes(noSupport) + "（义务人 " + supporters.size() + " 人）",
                Articles.TEKUN_NO_SUPPORTER);
        boolean eligible = noCapacity && noIncome && noSupport;
        if (eligible && age < 18 && choosesChildWelfare) {
            trace.add("同时符合孤儿、事实无人抚养儿童条件并选择儿童福利保障", "不认定为特困人员", Articles.TEKUN_MEASURES + "第九条");
            eligible = false;
        }
        trace.add("结论", eligible ? "符合特困人员认定条件" : "不符合特困人员认定条件", Articles.TEKUN_CRITERIA);
        return new Result(eligible, trace);
    }

    /** 第五条: no capacity to work by age or by the kind and grade of disability. */
    public static boolean noCapacityToWork(MemberFacts person, LocalDate on) {
        return noCapacityToWork(person, person.ageOn(on));
    }

    static boolean noCapacityToWork(MemberFacts person, int age) {
        if (age >= 60 || age < 16) {
            return true;
        }
        int grade = person.disabilityGrade();
        return switch (person.disabilityCategory()) {
            case INTELLECTUAL, MENTAL -> grade >= 1 && grade <= 3;
            case PHYSICAL -> grade >= 1 && grade <= 2;
            case VISUAL -> grade == 1;
            default -> false;
        };
    }

    private static String yes(boolean value) {
        return value ? "是" : "否";
    }
}
