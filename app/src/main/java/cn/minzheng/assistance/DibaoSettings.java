package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.DibaoParameters;
import cn.minzheng.procedure.ParameterValue;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Money;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registered parameter values the 低保 amount depends on, as of a day for a street — each kept with the id of the
 * value in force so that the trace cites it and the kernel can check it against the registry.
 */
record DibaoSettings(
        ParameterValue standard,
        ParameterValue tiered,
        List<ParameterValue[]> tiers,
        ParameterValue minPerPerson,
        Map<DibaoParameters.Surcharge, ParameterValue> surcharges,
        ParameterValue surchargesAdd,
        ParameterValue elderlyAge,
        ParameterValue roundingUnit) {

    static final List<String> CODES = List.of(
            "DIBAO_STD_URBAN",
            "DIBAO_METHOD_TIERED",
            "DIBAO_TIER1_BELOW_FEN",
            "DIBAO_TIER1_PER_PERSON_FEN",
            "DIBAO_TIER2_BELOW_FEN",
            "DIBAO_TIER2_PER_PERSON_FEN",
            "DIBAO_TIER3_BELOW_FEN",
            "DIBAO_TIER3_PER_PERSON_FEN",
            "DIBAO_MIN_PER_PERSON_FEN",
            "DIBAO_SURCHARGE_ELDERLY_FEN",
            "DIBAO_SURCHARGE_MINOR_FEN",
            "DIBAO_SURCHARGE_SEVERE_DISABILITY_FEN",
            "DIBAO_SURCHARGE_SERIOUS_ILLNESS_FEN",
            "DIBAO_SURCHARGES_ADD",
            "DIBAO_ELDERLY_AGE",
            "DIBAO_ROUNDING_UNIT_FEN");

    static DibaoSettings of(java.util.function.Function<String, ParameterValue> values) {
        Map<DibaoParameters.Surcharge, ParameterValue> surcharges = new EnumMap<>(DibaoParameters.Surcharge.class);
        surcharges.put(DibaoParameters.Surcharge.ELDERLY, values.apply("DIBAO_SURCHARGE_ELDERLY_FEN"));
        surcharges.put(DibaoParameters.Surcharge.MINOR, values.apply("DIBAO_SURCHARGE_MINOR_FEN"));
        surcharges.put(
                DibaoParameters.Surcharge.SEVERE_DISABILITY, values.apply("DIBAO_SURCHARGE_SEVERE_DISABILITY_FEN"));
        surcharges.put(DibaoParameters.Surcharge.SERIOUS_ILLNESS, values.apply("DIBAO_SURCHARGE_SERIOUS_ILLNESS_FEN"));
        ParameterValue unit = values.apply("DIBAO_ROUNDING_UNIT_FEN");
        if (unit.fen() != 1 && unit.fen() != 10 && unit.fen() != 100) {
            throw new BusinessRuleViolation("参数 DIBAO_ROUNDING_UNIT_FEN（低保金取整单位）只能是 0.01、0.10 或 1.00 元");
        }
        return new DibaoSettings(
                values.apply("DIBAO_STD_URBAN"),
                values.apply("DIBAO_METHOD_TIERED"),
                List.of(
                        new ParameterValue[] {
                            values.apply("DIBAO_TIER1_BELOW_FEN"), values.apply("DIBAO_TIER1_PER_PERSON_FEN")
                        },
                        new ParameterValue[] {
                            values.apply("DIBAO_TIER2_BELOW_FEN"), values.apply("DIBAO_TIER2_PER_PERSON_FEN")
                        },
                        new ParameterValue[] {
                            values.apply("DIBAO_TIER3_BELOW_FEN"), values.apply("DIBAO_TIER3_PER_PERSON_FEN")
                        }),
                values.apply("DIBAO_MIN_PER_PERSON_FEN"),
                surcharges,
                values.apply("DIBAO_SURCHARGES_ADD"),
                values.apply("DIBAO_ELDERLY_AGE"),
                unit);
    }

    boolean isTiered() {
        return tiered.whole() == 1;
    }

    /** The same numbers as the rules package's parameter record (half-up rounding: the kernel's ROUND). */
    DibaoParameters forRules() {
        Map<DibaoParameters.Surcharge, Money> amounts = new EnumMap<>(DibaoParameters.Surcharge.class);
        surcharges.forEach((kind, value) -> amounts.put(kind, Money.fen(value.fen())));
        return new DibaoParameters(
                Money.fen(standard.fen()),
                isTiered() ? DibaoParameters.Method.TIERED : DibaoParameters.Method.GAP,
                tiers.stream()
                        .map(t -> new DibaoParameters.Tier(Money.fen(t[0].fen()), Money.fen(t[1].fen())))
                        .toList(),
                amounts,
                surchargesAdd.whole() == 1,
                elderlyAge.whole(),
                Money.fen(minPerPerson.fen()),
                roundingUnit.fen(),
                RoundingMode.HALF_UP);
    }
}
