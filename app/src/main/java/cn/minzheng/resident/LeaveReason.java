package cn.minzheng.resident;

/** How a person left a household. */
public enum LeaveReason {
    DEATH("死亡"),
    MARRIAGE("婚出"),
    DIVORCE("离婚迁出"),
    MOVED_OUT("迁出"),
    RECORD_MERGED("档案合并");

    private final String label;

    LeaveReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    HouseholdEventKind event() {
        return switch (this) {
            case DEATH -> HouseholdEventKind.DEATH;
            case MARRIAGE -> HouseholdEventKind.MARRIAGE_OUT;
            case DIVORCE -> HouseholdEventKind.DIVORCE_OUT;
            case MOVED_OUT -> HouseholdEventKind.MOVED_OUT;
            case RECORD_MERGED -> HouseholdEventKind.RECORD_MERGED;
        };
    }
}
