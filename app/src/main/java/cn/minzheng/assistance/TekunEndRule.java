package cn.minzheng.assistance;

import cn.minzheng.procedure.Computation;
import cn.minzheng.procedure.Computation.Op;
import java.time.LocalDate;

/**
 * Whether 特困人员救助供养 ends (《特困人员认定办法》第二十四条、第二十六条): the caseworker's finding — still eligible, or one
 * of the grounds of 第二十四条 holds — as a computation the kernel re-does; ending sets the basic allowance and the care
 * subsidy to nothing from the next month.
 */
final class TekunEndRule {

    static final String CODE = "ASSIST_TEKUN_END";

    private TekunEndRule() {}

    static Computation.Trace compute(
            LocalDate on, String street, long basicFen, boolean stillEligible, TekunEndGround ground, String finding) {
        Computation c = Computation.start(CODE, "1", on, street);
        c.fact("oldAmount", "原月基本生活费", "FEN", Steps.fen(basicFen), "救助状态记录（原决定）");
        c.fact(
                "endGround",
                "终止情形（特困人员认定办法第二十四条）",
                "BOOLEAN",
                Steps.bool(!stillEligible),
                stillEligible ? "调查核实未发现终止情形：" + finding : ground.label() + "（" + ground.basis() + "）：" + finding);
        Steps.apply(c, "stillEligible", "仍符合特困人员救助供养条件", Op.NOT, "endGround");
        Steps.apply(c, "newAmountFen", "决定后的月基本生活费", Op.IF, "stillEligible", "oldAmount", "0");
        c.outcome("stillEligible", "CONTINUE", "TERMINATE");
        c.result("newAmountFen");
        return c.trace();
    }
}
