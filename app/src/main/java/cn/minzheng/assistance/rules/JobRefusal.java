package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.math.RoundingMode;

/**
 * 无正当理由拒绝就业 (《最低生活保障审核确认办法》第三十四条; 《社会救助暂行办法》第四十五条): a member able to work who
 * refuses {@code limit} (3) suitable job referrals in a row without good reason has their own share reduced or stopped
 * — only theirs, never the household's whole allowance.
 */
public record JobRefusal(int limit) {

    public boolean applies(int consecutiveRefusals) {
        return consecutiveRefusals >= limit;
    }

    /** The household's amount without the refusing member's share (their 1/n of the amount, rounded half up). */
    public Money withoutShare(Money householdAmount, int members) {
        Money share = householdAmount.dividedBy(members, RoundingMode.HALF_UP);
        return householdAmount.minus(share).atLeastZero();
    }

    public String basis() {
        return Articles.JOB_REFUSAL;
    }
}
