package cn.minzheng.verification;

/** Where a finding stands in its review. */
public enum FindingState {
    UNREVIEWED("待核实"),
    CLASSIFIED("已核实"),
    AWAITING_CONFIRMATION("认定误报，待第二人确认"),
    OBJECTED("异议待复核"),
    RE_REVIEWED("已复核");

    private final String label;

    FindingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
