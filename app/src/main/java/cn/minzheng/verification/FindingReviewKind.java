package cn.minzheng.verification;

/** What a step in a finding's review is: a decision, an objection, a re-review, a second person's confirmation. */
enum FindingReviewKind {
    CLASSIFICATION("核对结论"),
    OBJECTION("申请人异议"),
    RE_REVIEW("复核结论"),
    CONFIRMATION("第二人确认误报");

    private final String label;

    FindingReviewKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
