package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.procedure.Computation.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annex of a decision says how each step was worked out in words, and never shows a code. */
class DecisionAnnexTest {

    private static final Map<String, String> LABELS = Map.of(
            "standardTotal", "低保标准 × 人数",
            "monthlyIncome", "家庭月收入",
            "wage", "工资性收入",
            "eligible", "符合最低生活保障条件",
            "rounded", "取整后的月保障金额",
            "penaltyType", "行政处罚的种类");

    @Test
    void stepsReadAsWords() {
        assertThat(DecisionAnnex.method(Op.SUB, List.of("standardTotal", "monthlyIncome"), LABELS))
                .isEqualTo("低保标准 × 人数 － 家庭月收入");
        assertThat(DecisionAnnex.method(Op.IF, List.of("eligible", "rounded", "0"), LABELS))
                .isEqualTo("“符合最低生活保障条件”的，为取整后的月保障金额；否则为零");
        assertThat(DecisionAnnex.method(Op.LT, List.of("monthlyIncome", "standardTotal"), LABELS))
                .isEqualTo("家庭月收入低于低保标准 × 人数");
        // a sum that starts from nothing is its item, not 工资性收入 ＋ 零
        assertThat(DecisionAnnex.method(Op.ADD, List.of("wage", "0"), LABELS)).isEqualTo("工资性收入");
        assertThat(DecisionAnnex.method(Op.MAX, List.of("monthlyIncome", "0"), LABELS))
                .isEqualTo("家庭月收入、零中的较大者");
    }

    @Test
    void aCodeOrAnUnlabelledNameIsNeverShown() {
        assertThat(DecisionAnnex.method(Op.EQ, List.of("penaltyType", "'FINE'"), LABELS))
                .isEqualTo("由上列各项得出");
        assertThat(DecisionAnnex.method(Op.MUL, List.of("monthlyIncome", "roundedUnits"), LABELS))
                .isEqualTo("由上列各项得出")
                .doesNotContain("roundedUnits");
    }
}
