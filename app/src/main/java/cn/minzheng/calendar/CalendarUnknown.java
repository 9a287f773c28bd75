package cn.minzheng.calendar;

import cn.minzheng.shared.BusinessRuleViolation;

/** A computation needs a year whose holiday arrangement has not been imported. */
public class CalendarUnknown extends BusinessRuleViolation {

    private final int year;

    CalendarUnknown(int year, String knownRange) {
        super("工作日历中没有 " + year + " 年的节假日安排（已知：" + knownRange + "），无法计算该期限。请系统管理员先导入 " + year
                + " 年的安排（依据国务院办公厅当年部分节假日安排的通知）。");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
