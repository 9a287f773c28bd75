package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.HouseholdProperty;
import cn.minzheng.assistance.rules.PropertyFacts;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Judges a household's property against the local rules in force for its street on the day (《最低生活保障审核确认办法》
 * 第十四条; the limits are the city's, 《社会救助暂行办法》第十条, kept as parameters): financial assets up to N months of
 * the 低保标准 per counted member, the number of homes allowed, and the circumstances a person must weigh (vehicles,
 * non-residential property, a business with employees, high consumption). Never "any amount found": savings under the
 * limit are within the rules.
 */
@Component
class PropertyCheck {

    private final Parameters parameters;

    PropertyCheck(Parameters parameters) {
        this.parameters = parameters;
    }

    /** Within the rules or not, and each finding in words with the article it applies. */
    record Result(boolean withinRules, List<String> findings) {

        String inWords() {
            return withinRules ? "家庭财产状况符合规定" : "家庭财产状况不符合规定：" + String.join("；", findings);
        }
    }

    Result judge(String community, LocalDate on, int members, Investigation.Property p) {
        HouseholdProperty rule = new HouseholdProperty(
                parameters.valueAsOf("DIBAO_ASSET_MONTHS", community, on).whole(),
                Set.of(),
                parameters.valueAsOf("DIBAO_MAX_RESIDENTIAL", community, on).whole());
        PropertyFacts facts = new PropertyFacts(
                Money.fen(p.financialAssetsFen()),
                p.vehicles().stream().map(Investigations::vehicle).toList(),
                p.residential(),
                p.nonResidential(),
                p.businessWithEmployees(),
                p.highConsumption());
        HouseholdProperty.Assessment assessment = rule.assess(
                facts,
                Money.fen(parameters.valueAsOf("DIBAO_STD_URBAN", community, on).fen()),
                Math.max(1, members));
        return new Result(
                assessment.withinRules(),
                assessment.findings().stream()
                        .map(f -> f.what() + "（" + f.basis() + "）")
                        .toList());
    }
}
