package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.assistance.rules.HouseholdIncome;
import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.assistance.rules.TekunEligibility;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 特困人员认定 as a kernel computation (《特困人员认定办法》第四条至第九条), checked against {@link TekunEligibility}; with
 * the basic living allowance (a multiple of the 低保标准) and the care subsidy for the assessed care grade
 * (第二十条), both parameters.
 */
final class TekunRule {

    static final String CODE = "ASSIST_TEKUN";

    record Result(Computation computation, boolean eligible, long basicFen, long careFen, Trace rulesTrace) {}

    private TekunRule() {}

    static Result compute(
            LocalDate on,
            String street,
            MemberFacts person,
            List<IncomeItem> income,
            boolean assetsWithinRule,
            List<TekunEligibility.Supporter> supporters,
            boolean choosesChildWelfare,
            CareGrade grade,
            ParameterValue standard,
            ParameterValue multiplier,
            ParameterValue care) {
        Computation c = Computation.start(CODE, "1", on, street);
        int age = person.ageOn(on);
        boolean noCapacity = TekunEligibility.noCapacityToWork(person, on);
        c.fact(
                "noWorkCapacity",
                "无劳动能力",
                "BOOLEAN",
                Steps.bool(noCapacity),
                age + " 岁；残疾：" + person.disabilityCategory().label()
                        + (person.disabilityGrade() > 0 ? person.disabilityGrade() + "级" : "") + "（特困人员认定办法第五条）");
        HouseholdMeans.add(c, income, 1, "调查核实（本人收入）");
        c.parameter("standard", "低保标准（每人每月）", standard);
        Steps.apply(c, "incomeBelow", "本人月收入低于低保标准", Op.LT, "perCapitaIncome", "standard");
        c.fact("assetsOk", "财产符合特困人员财产状况规定", "BOOLEAN", Steps.bool(assetsWithinRule), "调查核实和经济状况核对");
        Steps.apply(c, "noIncomeSource", "无生活来源（第六条）", Op.AND, "incomeBelow", "assetsOk");
        boolean noSupport = supporters.stream().allMatch(TekunEligibility.Supporter::unable);
        c.fact(
                "noSupporter",
                "无法定义务人或其无履行义务能力",
                "BOOLEAN",
                Steps.bool(noSupport),
                "法定义务人 " + supporters.size() + " 人" + (supporters.isEmpty() ? "" : "，逐人核实（第八条）"));
        boolean childWelfare = age < 18 && choosesChildWelfare;
        c.fact("childWelfare", "选择孤儿、事实无人抚养儿童保障", "BOOLEAN", Steps.bool(childWelfare), "本人或监护人选择（第九条）");
        Steps.apply(c, "notChildWelfare", "未选择儿童福利保障", Op.NOT, "childWelfare");
        c.apply(
                "eligible",
                "符合特困人员认定条件",
                Op.AND,
                null,
                List.of("noWorkCapacity", "noIncomeSource", "noSupporter", "notChildWelfare"));
        c.parameter("multiplier", "特困人员基本生活标准（低保标准的倍数）", multiplier);
        Steps.apply(c, "basicExact", "基本生活标准（低保标准 × 倍数）", Op.MUL, "standard", "multiplier");
        c.apply("basic", "基本生活费（四舍五入到分）", Op.ROUND, 0, List.of("basicExact"));
        Steps.apply(c, "basicFen", "每月基本生活费", Op.IF, "eligible", "basic", "0");
        c.parameter("care", "照料护理费（" + grade.legal() + "，" + grade.common() + "）", care);
        Steps.apply(c, "careFen", "每月照料护理费", Op.IF, "eligible", "care", "0");
        c.outcome("eligible", "APPROVE", "REJECT");
        c.result("basicFen");
        c.result("careFen");

        Money personal = new HouseholdIncome(Set.of()).assess(income, 1).perCapita();
        TekunEligibility.Result checked = new TekunEligibility()
                .assess(
                        person,
                        on,
                        personal,
                        Money.fen(standard.fen()),
                        assetsWithinRule,
                        supporters,
                        choosesChildWelfare);
        boolean eligible = (Boolean) c.value("eligible");
        if (checked.eligible() != eligible) {
            throw new IllegalStateException("特困认定的两种计算结果不一致");
        }
        return new Result(
                c,
                eligible,
                ((BigDecimal) c.value("basicFen")).longValueExact(),
                ((BigDecimal) c.value("careFen")).longValueExact(),
                checked.trace());
    }
}
