package cn.minzheng.verification;

/** How often a department delivers its data (the bureau's agreement with it). */
public enum DeliverySchedule {
    WEEKLY("每周", 7),
    MONTHLY("每月", 31),
    QUARTERLY("每季度", 92),
    HALF_YEARLY("每半年", 183),
    YEARLY("每年", 366);

    private final String label;
    private final int days;

    DeliverySchedule(String label, int days) {
        this.label = label;
        this.days = days;
    }

    public String label() {
        return label;
    }

    /** The longest gap between two deliveries before the next one is overdue. */
    int days() {
        return days;
    }
}
