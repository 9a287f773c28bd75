package cn.minzheng.calendar;

/** How a time limit counts: 工作日 or 自然日 (日/天). Every statutory period says which. */
public enum DayType {
    WORKING("工作日"),
    CALENDAR("自然日");

    private final String label;

    DayType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
