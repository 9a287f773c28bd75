package cn.minzheng.assistance.rules;

import java.time.YearMonth;

/**
 * 渐退 (《最低生活保障审核确认办法》第三十三条; 2022 notice): when work lifts per-capita income above the standard, the
 * household keeps its 低保 for a grace period — in principle not more than 6 months (a parameter).
 */
public record GradualExit(int maxMonths) {

    public GradualExit {
        if (maxMonths < 0 || maxMonths > 6) {
            throw new IllegalArgumentException("渐退期原则上不超过6个月");
        }
    }

    /** The last month still paid when income rose above the standard in {@code risen}. */
    public YearMonth lastPaidMonth(YearMonth risen, int grantedMonths) {
        if (grantedMonths < 0 || grantedMonths > maxMonths) {
            throw new IllegalArgumentException("渐退期须在 0 至 " + maxMonths + " 个月之间");
        }
        return risen.plusMonths(grantedMonths);
    }

    public String basis() {
        return Articles.GRADUAL_EXIT;
    }
}
