package cn.minzheng.assistance.rules;

/**
 * 生活自理能力评估 (《特困人员认定办法》第二十条至第二十三条): six activities — eating, dressing, getting in and out of bed,
 * using the toilet, walking indoors, bathing. 0 failed = 具备生活自理能力 (全自理), 1–3 = 部分丧失 (半失能), 4–6 = 完全丧失
 * (全失能).
 */
public enum CareGrade {
    SELF_CARE("具备生活自理能力", "全自理"),
    PARTIAL("部分丧失生活自理能力", "半失能"),
    FULL("完全丧失生活自理能力", "全失能");

    /** The six activities, in the order of the assessment form. */
    public record Activities(
            boolean eating, boolean dressing, boolean bed, boolean toilet, boolean walkingIndoors, boolean bathing) {

        public int failed() {
            int failed = 0;
            for (boolean able : new boolean[] {eating, dressing, bed, toilet, walkingIndoors, bathing}) {
                if (!able) {
                    failed++;
                }
            }
            return failed;
        }
    }

    private final String legal;
    private final String common;

    CareGrade(String legal, String common) {
        this.legal = legal;
        this.common = common;
    }

    public String legal() {
        return legal;
    }

    public String common() {
        return common;
    }

    public static CareGrade of(Activities activities) {
        int failed = activities.failed();
        if (failed == 0) {
            return SELF_CARE;
        }
        return failed <= 3 ? PARTIAL : FULL;
    }
}
