package cn.minzheng.marriage;

/** What a couple books: a marriage registration or the first appearance of a divorce by agreement. */
public enum AppointmentKind {
    MARRIAGE("结婚登记"),
    DIVORCE("离婚登记");

    private final String label;

    AppointmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
