package cn.minzheng.marriage;

/** Where a booking stands. Only a BOOKED appointment holds a place and blocks its parties' ID numbers. */
public enum AppointmentState {
    BOOKED("已预约"),
    CANCELLED("已取消"),
    ATTENDED("已到场办理"),
    NO_SHOW("未到场");

    private final String label;

    AppointmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
