package cn.minzheng.verification;

/** A decision on a finding (核实结论). */
public enum FindingOutcome {
    CONFIRMED("确认属实"),
    NEEDS_EXPLANATION("需说明情况"),
    FALSE_POSITIVE("误报");

    private final String label;

    FindingOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
