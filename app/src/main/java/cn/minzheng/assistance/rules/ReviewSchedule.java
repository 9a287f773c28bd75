package cn.minzheng.assistance.rules;

import java.time.LocalDate;

/**
 * 动态管理 (《最低生活保障审核确认办法》第三十一条): households whose situation changes little are reviewed once a year;
 * those with unstable income or members able to work every six months; 特困人员 once a year. Periods are parameters.
 */
public record ReviewSchedule(int stableMonths, int unstableMonths, int tekunMonths) {

    public static ReviewSchedule national() {
        return new ReviewSchedule(12, 6, 12);
    }

    public LocalDate nextReview(LocalDate last, boolean tekun, boolean unstableIncome, boolean memberAbleToWork) {
        if (tekun) {
            return last.plusMonths(tekunMonths);
        }
        return last.plusMonths(unstableIncome || memberAbleToWork ? unstableMonths : stableMonths);
    }

    public String basis() {
        return Articles.REVIEW;
    }
}
