package cn.minzheng.assistance;

import java.time.LocalDate;

/** A review task of 动态管理: what is to be reviewed by when, and how it ended. */
public record ReviewTask(
        long id,
        long statusId,
        String communityCode,
        String kind,
        LocalDate dueOn,
        String reason,
        Long residentId,
        String state,
        LocalDate doneOn,
        String doneBy,
        String outcome,
        Long changeCaseId,
        String programme,
        String subjectType,
        long subjectId,
        long monthlyAmountFen) {

    public String kindLabel() {
        return switch (kind) {
            case "PERIODIC" -> "定期核查";
            case "DEATH" -> "家庭成员死亡核查";
            case "JOB_REFUSAL" -> "连续拒绝就业";
            default -> "报告变化";
        };
    }

    public String stateLabel() {
        return switch (state) {
            case "OPEN" -> "待办";
            case "CHANGE_OPENED" -> "已立案核查";
            default -> "已完成";
        };
    }

    public boolean overdueOn(LocalDate day) {
        return !"DONE".equals(state) && dueOn.isBefore(day);
    }
}
