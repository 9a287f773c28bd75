package cn.minzheng.resident;

/** How a person came into a household. */
public enum JoinReason {
    REGISTERED("建档登记"),
    BIRTH("出生"),
    MARRIAGE("婚入"),
    MOVED_IN("迁入"),
    RECORD_MERGED("档案合并");

    private final String label;

    JoinReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
