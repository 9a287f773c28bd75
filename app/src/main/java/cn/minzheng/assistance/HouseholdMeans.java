package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.IncomeItem;
import cn.minzheng.assistance.rules.IncomeKind;
import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The household's monthly income as steps of a kernel computation (《最低生活保障审核确认办法》第十三条): every item a fact
 * with its treatment, counted items added, deductions subtracted, never below zero, divided by the members who count
 * (第七条) and rounded half up to the fen — the same figures {@code rules.HouseholdIncome} gives. Defines
 * {@code householdSize}, {@code monthlyIncome} and {@code perCapitaIncome}.
 */
final class HouseholdMeans {

    private HouseholdMeans() {}

    static void add(Computation c, List<IncomeItem> items, int members, String source) {
        List<String> counted = new ArrayList<>();
        List<String> deducted = new ArrayList<>();
        int n = 0;
        for (IncomeItem item : items) {
            String name = "income" + (++n);
            IncomeKind.Treatment treatment = item.kind().treatment();
            String who = item.member() == null || item.member().isBlank() ? "" : item.member() + "：";
            String how = switch (treatment) {
                case COUNTED -> "计入";
                case EXCLUDED -> "不计入";
                case DEDUCTED -> "扣减";
            };
            c.fact(
                    name,
                    who + item.kind().label() + "（" + how + "）",
                    "FEN",
                    Steps.fen(item.monthly().fen()),
                    source);
            if (treatment == IncomeKind.Treatment.COUNTED) {
                counted.add(name);
            } else if (treatment == IncomeKind.Treatment.DEDUCTED) {
                deducted.add(name);
            }
        }
        Steps.sum(c, "countedIncome", "计入家庭收入的合计", counted);
        Steps.sum(c, "deductions", "可扣减的刚性支出和必要就业成本", deducted);
        Steps.apply(c, "netIncome", "家庭月收入（计入 − 扣减）", Op.SUB, "countedIncome", "deductions");
        Steps.apply(c, "monthlyIncome", "家庭月收入（不低于零）", Op.MAX, "netIncome", "0");
        c.fact("householdSize", "共同生活的家庭成员人数", "COUNT", Integer.toString(members), "入户调查（审核确认办法第七条）");
        Steps.divide(c, "perCapitaIncome", "家庭月人均收入（四舍五入到分）", 0, "monthlyIncome", "householdSize");
    }
}
