package cn.minzheng.calendar;

/** A date that differs from the ordinary Monday–Friday rule. */
enum DayKind {
    HOLIDAY("放假"),
    MAKEUP_WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
