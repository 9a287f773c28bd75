package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local numbers the 低保 amount depends on, as of a date: all effective-dated parameters with their legal basis in
 * the parameter registry, never constants (Xi'an's figures are set by the city).
 *
 * @param standard 低保标准, per person per month
 * @param method 差额法 or 分档法 (《最低生活保障审核确认办法》第二十三条)
 * @param tiers for the tiered method: per-capita income below {@code below} gets {@code perPerson}, first match wins
 * @param surcharges monthly extra per member for each circumstance (第二十七条: 老年人、未成年人、重度残疾人、重病患者)
 * @param surchargesAdd whether several surcharges of one member add up (otherwise the highest applies: 就高不重复)
 * @param elderlyAge the age from which the elderly surcharge applies
 * @param minimumPerPerson a floor per person for households that qualify (保底), zero for none
 * @param roundingUnitFen 1 = 分, 10 = 角, 100 = 元
 * @param rounding rounding mode of the final amount
 */
public record DibaoParameters(
        Money standard,
        Method method,
        List<Tier> tiers,
        Map<Surcharge, Money> surcharges,
        boolean surchargesAdd,
        int elderlyAge,
        Money minimumPerPerson,
        long roundingUnitFen,
        RoundingMode rounding) {

    public enum Method {
        GAP("差额法"),
        TIERED("分档法");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Surcharge {
        ELDERLY("老年人"),
        MINOR("未成年人"),
        SEVERE_DISABILITY("重度残疾人"),
        SERIOUS_ILLNESS("重病患者");

        private final String label;

        Surcharge(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Tier(Money below, Money perPerson) {}

    public DibaoParameters {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(method, "method");
        tiers = List.copyOf(tiers);
        surcharges = Map.copyOf(surcharges);
        if (method == Method.TIERED && tiers.isEmpty()) {
            throw new IllegalArgumentException("分档法须设定档次");
        }
        if (roundingUnitFen != 1 && roundingUnitFen != 10 && roundingUnitFen != 100) {
            throw new IllegalArgumentException("取整单位只能是分、角或元");
        }
    }

    /** The gap method with no surcharges, rounding to the fen: the national rule in its plainest form. */
    public static DibaoParameters gap(Money standard) {
        return new DibaoParameters(
                standard, Method.GAP, List.of(), Map.of(), false, 60, Money.ZERO, 1, RoundingMode.HALF_UP);
    }
}
