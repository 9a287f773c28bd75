package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.DibaoAmount;
import cn.minzheng.assistance.rules.DibaoParameters;
import cn.minzheng.assistance.rules.HouseholdIncome;
import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.MemberFacts;
import cn.minzheng.assistance.rules.Trace;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import cn.minzheng.procedure.ParameterValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 低保 eligibility and amount written as a kernel computation (so the decision document shows every step and the
 * kernel can re-do it), and checked against the rules package's {@link DibaoAmount}: the two must agree to the fen,
 * or nothing is drafted. Income under 第十三条, the gap or tiered method under 第二十三条, the 分类施保 surcharges under
 * 第二十七条, the rounding rule, and eligibility (income below the standard and property within the rules).
 */
final class DibaoRule {

    static final String CODE = "ASSIST_DIBAO_AMOUNT";
    static final String VERSION = "1";

    record Result(
            Computation computation,
            boolean eligible,
            long amountFen,
            long perCapitaFen,
            int members,
            Trace rulesTrace) {}

    private DibaoRule() {}

    static Result compute(
            DibaoSettings p,
            LocalDate on,
            String street,
            List<IncomeItem> items,
            List<MemberFacts> members,
            boolean propertyWithinRules,
            String propertySource,
            String rule) {
        Computation c = Computation.start(rule, VERSION, on, street);
        Trace checked = addSteps(c, p, on, items, members, propertyWithinRules, propertySource);
        c.outcome("eligible", "APPROVE", "REJECT");
        c.result("amountFen");
        c.result("householdSize");
        c.result("perCapitaIncome");
        return new Result(
                c,
                (Boolean) c.value("eligible"),
                ((BigDecimal) c.value("amountFen")).longValueExact(),
                ((BigDecimal) c.value("perCapitaIncome")).longValueExact(),
                members.size(),
                checked);
    }

    /**
     * Adds the steps up to {@code eligible} and {@code amountFen} (no outcome: a change decision continues from
     * here) and checks them against the rules package; returns the rules package's own trace with its articles.
     */
    static Trace addSteps(
            Computation c,
            DibaoSettings p,
            LocalDate on,
            List<IncomeItem> items,
            List<MemberFacts> members,
            boolean propertyWithinRules,
            String propertySource) {
        if (p.isTiered()
                && p.tiers().get(p.tiers().size() - 1)[0].fen() < p.standard().fen()) {
            throw new cn.minzheng.shared.BusinessRuleViolation("分档法最后一档的收入线低于低保标准，请先调整参数 DIBAO_TIER3_BELOW_FEN");
        }
        HouseholdMeans.add(c, items, members.size(), "入户调查和家庭经济状况核对");
        c.parameter("standard", "城市低保标准（每人每月）", p.standard());
        Steps.apply(c, "standardTotal", "低保标准 × 人数", Op.MUL, "standard", "householdSize");
        base(c, p);
        surcharges(c, p, members, on);
        Steps.apply(c, "total", "保障金额合计（基本金额 ＋ 分类施保）", Op.ADD, "baseAmount", "surchargeTotal");
        c.parameter("roundingUnit", "取整单位（四舍五入）", p.roundingUnit());
        Steps.divide(c, "roundedUnits", "按取整单位四舍五入", 0, "total", "roundingUnit");
        Steps.apply(c, "rounded", "取整后的月保障金额", Op.MUL, "roundedUnits", "roundingUnit");
        // per head below the standard ⇔ the household's income below standard × members, exactly (no rounding on the
        // way)
        Steps.apply(c, "incomeBelow", "家庭月人均收入低于低保标准", Op.LT, "monthlyIncome", "standardTotal");
        c.fact("propertyOk", "家庭财产状况符合规定", "BOOLEAN", Steps.bool(propertyWithinRules), propertySource);
        Steps.apply(c, "eligible", "符合最低生活保障条件", Op.AND, "incomeBelow", "propertyOk");
        Steps.apply(c, "amountFen", "核定月保障金额", Op.IF, "eligible", "rounded", "0");

        long amount = ((BigDecimal) c.value("amountFen")).longValueExact();
        long perCapita = ((BigDecimal) c.value("perCapitaIncome")).longValueExact();
        // The rules package computes the same amount independently; a difference is a defect, never a decision.
        HouseholdIncome.Assessment income = new HouseholdIncome(Set.of()).assess(items, members.size());
        DibaoAmount.Result checked = new DibaoAmount().compute(p.forRules(), income, members, on);
        long expected =
                propertyWithinRules && checked.qualifies() ? checked.monthly().fen() : 0;
        if (expected != amount || income.perCapita().fen() != perCapita) {
            throw new IllegalStateException("低保金额的两种计算结果不一致：" + amount + " / " + expected);
        }
        return checked.trace();
    }

    private static void base(Computation c, DibaoSettings p) {
        if (!p.isTiered()) {
            Steps.apply(c, "computedBase", "差额法：低保标准 × 人数 − 家庭月收入", Op.SUB, "standardTotal", "monthlyIncome");
        } else {
            List<ParameterValue[]> tiers = p.tiers();
            for (int i = 0; i < tiers.size(); i++) {
                int n = i + 1;
                c.parameter("tier" + n + "Below", "第" + n + "档：人均收入低于", tiers.get(i)[0]);
                c.parameter("tier" + n + "Amount", "第" + n + "档：每人每月", tiers.get(i)[1]);
                Steps.apply(
                        c, "tier" + n + "Line", "第" + n + "档收入线 × 人数", Op.MUL, "tier" + n + "Below", "householdSize");
                Steps.apply(c, "inTier" + n, "人均收入在第" + n + "档以内", Op.LT, "monthlyIncome", "tier" + n + "Line");
            }
            String otherwise = "0";
            for (int n = tiers.size(); n >= 1; n--) {
                String out = "tierAmount" + n;
                Steps.apply(
                        c, out, "分档法：适用档次的每人金额（第" + n + "档起）", Op.IF, "inTier" + n, "tier" + n + "Amount", otherwise);
                otherwise = out;
            }
            Steps.apply(c, "computedBase", "分档法：每人金额 × 人数", Op.MUL, "tierAmount1", "householdSize");
        }
        if (p.minPerPerson().fen() > 0) {
            c.parameter("minimum", "保底金额（每人每月）", p.minPerPerson());
            Steps.apply(c, "floor", "保底金额 × 人数", Op.MUL, "minimum", "householdSize");
            Steps.apply(c, "baseAmount", "基本保障金额（不低于保底）", Op.MAX, "computedBase", "floor");
        } else {
            Steps.apply(c, "baseAmount", "基本保障金额", Op.ADD, "computedBase", "0");
        }
    }

    /** 分类施保 (第二十七条): for each member with a circumstance, the surcharge (highest, or all added up). */
    private static void surcharges(Computation c, DibaoSettings p, List<MemberFacts> members, LocalDate on) {
        DibaoParameters rules = p.forRules();
        List<String> perMember = new ArrayList<>();
        boolean ageParameter = false;
        boolean addParameter = false;
        java.util.Set<DibaoParameters.Surcharge> loaded = java.util.EnumSet.noneOf(DibaoParameters.Surcharge.class);
        int k = 0;
        for (MemberFacts m : members) {
            k++;
            int age = m.ageOn(on);
            boolean elderly = age >= rules.elderlyAge();
            boolean minor = age < 18;
            boolean disabled = m.severelyDisabled();
            boolean ill = m.seriouslyIll();
            Map<DibaoParameters.Surcharge, Boolean> applies = Map.of(
                    DibaoParameters.Surcharge.ELDERLY, elderly,
                    DibaoParameters.Surcharge.MINOR, minor,
                    DibaoParameters.Surcharge.SEVERE_DISABILITY, disabled,
                    DibaoParameters.Surcharge.SERIOUS_ILLNESS, ill);
            boolean any = applies.entrySet().stream()
                    .anyMatch(
                            e -> e.getValue() && p.surcharges().get(e.getKey()).fen() > 0);
            if (!any) {
                continue;
            }
            String m0 = "m" + k;
            List<String> parts = new ArrayList<>();
            if (elderly || minor) {
                c.fact(m0 + "Age", m.name() + "的年龄", "COUNT", Integer.toString(age), "居民档案（出生日期）");
            }
            for (DibaoParameters.Surcharge kind : DibaoParameters.Surcharge.values()) {
                if (!applies.get(kind) || p.surcharges().get(kind).fen() == 0) {
                    continue;
                }
                String amountName = "surcharge" + kind.name();
                if (loaded.add(kind)) {
                    c.parameter(
                            amountName,
                            "分类施保：" + kind.label() + "每人每月",
                            p.surcharges().get(kind));
                }
                String flag = m0 + kind.name();
                switch (kind) {
                    case ELDERLY -> {
                        if (!ageParameter) {
                            c.parameter("elderlyAge", "分类施保的老年人年龄", p.elderlyAge());
                            ageParameter = true;
                        }
                        Steps.apply(c, flag, m.name() + "为老年人", Op.GE, m0 + "Age", "elderlyAge");
                    }
                    case MINOR -> Steps.apply(c, flag, m.name() + "为未成年人", Op.LT, m0 + "Age", "18");
                    case SEVERE_DISABILITY ->
                        c.fact(
                                flag,
                                m.name() + "为重度残疾人",
                                "BOOLEAN",
                                "true",
                                "残疾人证（" + m.disabilityCategory().label() + m.disabilityGrade() + "级）");
                    case SERIOUS_ILLNESS -> c.fact(flag, m.name() + "为重病患者", "BOOLEAN", "true", "居民档案（重特大疾病）");
                }
                String part = flag + "Amount";
                Steps.apply(c, part, m.name() + "：" + kind.label() + "加发", Op.IF, flag, amountName, "0");
                parts.add(part);
            }
            String memberTotal = m0 + "Surcharge";
            if (parts.size() == 1) {
                Steps.apply(c, memberTotal, m.name() + "：分类施保", Op.ADD, parts.get(0), "0");
            } else {
                if (!addParameter) {
                    c.parameter("surchargesAdd", "一人符合多项分类施保时累加（1）或就高（0）", p.surchargesAdd());
                    addParameter = true;
                }
                if (p.surchargesAdd().whole() == 1) {
                    Steps.sum(c, memberTotal, m.name() + "：分类施保（累加）", parts);
                } else {
                    c.apply(memberTotal, m.name() + "：分类施保（就高不重复）", Op.MAX, null, parts);
                }
            }
            perMember.add(memberTotal);
        }
        Steps.sum(c, "surchargeTotal", "分类施保加发合计", perMember);
    }
}
