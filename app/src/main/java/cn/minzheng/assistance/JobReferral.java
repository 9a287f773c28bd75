package cn.minzheng.assistance;

import java.time.LocalDate;

/** 就业：a job referral and whether it was refused; three refusals in a row without good reason make a task. */
public record JobReferral(
        long id,
        long statusId,
        long residentId,
        String memberName,
        LocalDate referredOn,
        String job,
        boolean refused,
        String goodReason) {}
