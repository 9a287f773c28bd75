package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.util.Objects;

/** One declared or verified income of a household member, as a monthly amount. */
public record IncomeItem(String member, IncomeKind kind, Money monthly, String note) {

    public IncomeItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(monthly, "monthly");
        if (monthly.isNegative()) {
            throw new IllegalArgumentException("收入金额不能为负：" + kind.label());
        }
    }

    public static IncomeItem of(String member, IncomeKind kind, Money monthly) {
        return new IncomeItem(member, kind, monthly, null);
    }
}
