package cn.minzheng.procedure;

/**
 * Named preconditions a step may require, each a small rule with its reason. Steps also always require that the case
 * is open and not suspended, that the actor holds one of the step's roles and that the case is in one of the step's
 * source states.
 */
public enum Precondition {
    /** The documents the step lists are attached (最低生活保障审核确认办法第九条、第十条: materials before acceptance). */
    REQUIRED_DOCUMENTS("所需材料已齐全"),
    /** At least the step's number of participants took part (入户调查不少于2人；执法人员不少于两人). */
    MIN_PARTICIPANTS("参与人员人数符合规定"),
    /** The public notice has been published. */
    NOTICE_PUBLISHED("已发布公示"),
    /** The latest public notice's period is over (公示期满后方可报送或决定). */
    NOTICE_PERIOD_ENDED("公示期已满"),
    /** Every objection raised during the notice has been dealt with (有异议的应重新调查或民主评议). */
    NO_OPEN_OBJECTIONS("公示期间的异议已处理完毕"),
    /** A decision (or preliminary opinion) has been drafted. */
    DECISION_DRAFTED("已起草决定（初审意见）"),
    /**
     * A major decision was discussed collectively by the heads of the agency after its latest draft (行政处罚法第五十七条
     * 第二款: 情节复杂或者重大违法行为给予行政处罚的，应当集体讨论决定).
     */
    DISCUSSED_IF_MAJOR("重大决定已经负责人集体讨论");

    private final String label;

    Precondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
