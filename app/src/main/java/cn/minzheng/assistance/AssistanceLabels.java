package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.assistance.rules.IncomeKind;
import cn.minzheng.assistance.rules.PropertyFacts;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.platform.LabelCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Chinese names of social assistance's codes for screens, exports and other modules' pages: programmes (救助项目
 * as a case or a verification names it), what a payment roll pays (from the catalogue table), income kinds, care
 * grades, vehicles, expenses, severities, outcomes.
 */
@Configuration(proxyBeanMethods = false)
class AssistanceLabels {

    @Bean
    LabelCatalogue programmeLabels() {
        return LabelCatalogue.ofEnum("programme", CaseKind.class, CaseKind::label);
    }

    /** What rolls pay (最低生活保障金, 照料护理费 …), read once from the catalogue table. */
    @Bean
    LabelCatalogue paymentProgrammeLabels(AssistanceCatalogue catalogue) {
        return new LabelCatalogue() {
            private volatile Map<String, String> labels;

            @Override
            public String name() {
                return "payment-programme";
            }

            @Override
            public Map<String, String> labels() {
                if (labels == null) {
                    Map<String, String> read = new LinkedHashMap<>();
                    catalogue.programmes().forEach(p -> read.put(p.code(), p.name()));
                    labels = Map.copyOf(read);
                }
                return labels;
            }
        };
    }

    @Bean
    LabelCatalogue incomeKindLabels() {
        return LabelCatalogue.ofEnum("income-kind", IncomeKind.class, IncomeKind::label);
    }

    @Bean
    LabelCatalogue careGradeLabels() {
        return LabelCatalogue.ofEnum("care-grade", CareGrade.class, CareGrade::common);
    }

    /** A status's level: the care grade of 特困 (全自理 …) or the severity of temporary aid. */
    @Bean
    LabelCatalogue levelLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (CareGrade grade : CareGrade.values()) {
            labels.put(grade.name(), grade.common());
        }
        for (TemporaryAssistance.Severity severity : TemporaryAssistance.Severity.values()) {
            labels.put(severity.name(), severity.label());
        }
        return LabelCatalogue.of("level", labels);
    }

    @Bean
    LabelCatalogue vehicleLabels() {
        return LabelCatalogue.ofEnum("vehicle", PropertyFacts.Vehicle.class, PropertyFacts.Vehicle::label);
    }

    @Bean
    LabelCatalogue expenseLabels() {
        return LabelCatalogue.ofEnum(
                "expense", RigidExpenseHardship.Expense.class, RigidExpenseHardship.Expense::label);
    }

    @Bean
    LabelCatalogue severityLabels() {
        return LabelCatalogue.ofEnum(
                "severity", TemporaryAssistance.Severity.class, TemporaryAssistance.Severity::label);
    }

    @Bean
    LabelCatalogue outcomeLabels() {
        return LabelCatalogue.of(
                "assistance-outcome",
                Map.of(
                        "APPROVE", "予以救助/认定",
                        "REJECT", "不予救助/认定",
                        "KEEP", "维持",
                        "INCREASE", "增发",
                        "REDUCE", "减发",
                        "STOP", "停发",
                        "GRADUAL_EXIT", "渐退"));
    }
}
