package cn.minzheng.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 救济途径 as a decision must state them (行政复议法第二十条、第二十三条; 行政诉讼法第四十五条、第四十六条): per matter type and
 * outcome the catalogue says whether the person may choose between 行政复议 and 行政诉讼 or must apply for 行政复议
 * first (复议前置: refusal to disclose government information, failure to pay 最低生活保障 and other statutory duties);
 * where the law is unclear, a parameter the bureau's 法制 staff set decides, the cautious reading by default.
 */
@Component
class Remedies {

    /** What the decision says about remedies, the periods in force on the day, and the articles it rests on. */
    record Remedy(boolean reviewFirst, String text, List<Citation> basis) {}

    record Rule(String matterType, String outcome, String rule, String parameterCode, String basis, String note) {}

    private final JdbcClient jdbc;
    private final Parameters parameters;
    private final LegalBasis legalBasis;
    private final JsonMapper json;
    private final String reconsiderationBody;

    Remedies(
            JdbcClient jdbc,
            Parameters parameters,
            LegalBasis legalBasis,
            JsonMapper json,
            @Value("${minzheng.procedure.reconsideration-body:西安市雁塔区人民政府}") String reconsiderationBody) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.legalBasis = legalBasis;
        this.json = json;
        this.reconsiderationBody = reconsiderationBody;
    }

    Optional<Rule> rule(String matterType, String outcome) {
        return jdbc.sql("""
                        select matter_type, outcome, rule, parameter_code, basis, note from remedy_rule
                        where matter_type = ? and outcome in (?, '*') order by outcome = '*' limit 1
                        """).params(matterType, outcome).query(Rule.class).optional();
    }

    Remedy of(String matterType, String outcome, String unitCode, LocalDate on) {
        Rule rule = rule(matterType, outcome).orElse(null);
        boolean first = rule != null
                && switch (rule.rule()) {
                    case "REVIEW_FIRST" -> true;
                    case "PARAMETER" ->
                        parameters
                                        .find(rule.parameterCode(), unitCode, on)
                                        .map(ParameterValue::whole)
                                        .orElse(1)
                                == 1;
                    default -> false;
                };
        ParameterValue days = parameters.valueAsOf("REMEDY_RECONSIDERATION_DAYS", unitCode, on);
        Set<Basis> bases = new LinkedHashSet<>();
        if (rule != null) {
            bases.addAll(json.readValue(rule.basis(), new TypeReference<List<Basis>>() {}));
        }
        String text;
        if (first) {
            ParameterValue after = parameters.valueAsOf("REMEDY_REVIEW_THEN_LITIGATION_DAYS", unitCode, on);
            text = "如不服本决定，应当先自收到本决定书之日起" + days.whole() + "日内向" + reconsiderationBody + "申请行政复议；对行政复议决定不服的，"
                    + "可以自收到行政复议决定书之日起" + after.whole() + "日内依法向人民法院提起行政诉讼，行政复议机关逾期不作决定的，可以自复议期满之日起"
                    + after.whole() + "日内依法向人民法院提起行政诉讼。";
            bases.add(Basis.of("XZFY_FA", "23"));
            bases.add(Basis.of("XZFY_FA", "20"));
            bases.add(Basis.of("XZSS_FA", "45"));
        } else {
            ParameterValue months = parameters.valueAsOf("REMEDY_LITIGATION_MONTHS", unitCode, on);
            text = "如不服本决定，可以自收到本决定书之日起" + days.whole() + "日内向" + reconsiderationBody + "申请行政复议，也可以自收到本决定书之日起"
                    + months.whole() + "个月内依法向人民法院提起行政诉讼。";
            bases.add(Basis.of("XZFY_FA", "20"));
            bases.add(Basis.of("XZSS_FA", "46"));
        }
        List<Citation> citations = new ArrayList<>();
        for (Basis b : bases) {
            legalBasis.find(b).ifPresent(citations::add);
        }
        return new Remedy(first, text, citations);
    }

    /** For reference data: adds a rule the catalogue lacks; a rule the bureau changed stays as it is. */
    boolean addIfMissing(Rule rule, String by) {
        return jdbc.sql("""
                                insert into remedy_rule (matter_type, outcome, rule, parameter_code, basis, note, created_by)
                                values (?, ?, ?, ?, ?, ?, ?) on conflict (matter_type, outcome) do nothing
                                """)
                        .params(
                                rule.matterType(),
                                rule.outcome(),
                                rule.rule(),
                                rule.parameterCode(),
                                rule.basis(),
                                rule.note(),
                                by)
                        .update()
                > 0;
    }
}
