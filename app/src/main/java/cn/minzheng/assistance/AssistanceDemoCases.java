package cn.minzheng.assistance;

import static cn.minzheng.assistance.AssistanceDemoCaseWork.ALL_MATERIALS;
import static cn.minzheng.assistance.AssistanceDemoCaseWork.LATE;
import static cn.minzheng.assistance.AssistanceDemoCaseWork.act;
import static cn.minzheng.assistance.AssistanceDemoCaseWork.street;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.procedure.Cases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The assistance demo's cases at every stage, on the households kept for them: told what is missing, investigating,
 * in public notice, waiting for the district's home visit, decided and delivered, 先行救助 with overdue paperwork,
 * 支出型 paid, and a 特困 case drawn for the spot check.
 */
@Component
class AssistanceDemoCases {

    private final Assessments assessments;
    private final Investigations investigations;
    private final Cases cases;
    private final AssistanceDemoCaseWork work;

    AssistanceDemoCases(
            Assessments assessments, Investigations investigations, Cases cases, AssistanceDemoCaseWork work) {
        this.assessments = assessments;
        this.investigations = investigations;
        this.cases = cases;
        this.work = work;
    }

    // --- cases at every stage ----------------------------------------------------------------------------------

    int build(List<AssistanceDemoHousehold> reserved, LocalDate today) {
        List<AssistanceDemoHousehold> families =
                reserved.stream().filter(h -> h.members().size() >= 2).toList();
        List<AssistanceDemoHousehold> singles = reserved.stream()
                .filter(h -> h.members().size() == 1 && h.head().ageOn(today) >= 60)
                .toList();
        List<AssistanceDemoHousehold> any = new ArrayList<>(families);
        int built = 0;
        int f = 0;
        built += f < families.size() ? work.attempt("低保：一次性告知补正", at(families, f++, h -> notified(h, today))) : 0;
        built += f < families.size() ? work.attempt("低保：调查核实中", at(families, f++, h -> investigating(h, today))) : 0;
        built += f < families.size() ? work.attempt("低保：公示中", at(families, f++, h -> inPublicity(h, today))) : 0;
        built += f < families.size() ? work.attempt("低保：单独登记备案待入户核查", at(families, f++, h -> confirming(h, today))) : 0;
        built += f < families.size() ? work.attempt("低保：已决定并送达", at(families, f++, h -> decided(h, today))) : 0;
        built += f < families.size() ? work.attempt("临时救助：先行救助补办手续超期", at(families, f++, h -> urgent(h, today))) : 0;
        built += f < families.size() ? work.attempt("临时救助：支出型已发放", at(families, f++, h -> expenditure(h, today))) : 0;
        if (!singles.isEmpty()) {
            built += work.attempt("特困：抽查待区局确认", at(singles, 0, h -> tekun(h, today)));
        } else if (f < any.size()) {
            built += work.attempt("特困：抽查待区局确认", at(any, f++, h -> tekun(h, today)));
        }
        return built;
    }

    private interface Build {
        void on(AssistanceDemoHousehold h);
    }

    private static Runnable at(List<AssistanceDemoHousehold> list, int index, Build build) {
        return () -> build.on(list.get(index));
    }

    private void notified(AssistanceDemoHousehold h, LocalDate today) {
        work.intake(h, CaseKind.DIBAO, today.minusDays(3), false, "APPLICATION");
    }

    private void investigating(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(h, CaseKind.DIBAO, today.minusDays(12), false, ALL_MATERIALS);
        work.investigate(h, a, today.minusDays(10), 60_000, false);
    }

    private void inPublicity(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(h, CaseKind.DIBAO, today.minusDays(20), false, ALL_MATERIALS);
        work.investigate(h, a, today.minusDays(18), 50_000, true);
        String street = street(h.community());
        work.as(street, () -> assessments.draft(a.id(), today.minusDays(3), null, LATE, null));
        work.as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(3))));
    }

    private void confirming(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(h, CaseKind.DIBAO, today.minusDays(30), true, ALL_MATERIALS);
        work.investigate(h, a, today.minusDays(28), 40_000, true);
        String street = street(h.community());
        work.as(street, () -> assessments.draft(a.id(), today.minusDays(20), null, LATE, null));
        work.as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(20))));
        work.as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(10))));
    }

    private void decided(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(h, CaseKind.DIBAO, today.minusDays(60), false, ALL_MATERIALS);
        work.investigate(h, a, today.minusDays(58), 30_000, true);
        String street = street(h.community());
        work.as(street, () -> assessments.draft(a.id(), today.minusDays(50), null, LATE, null));
        work.as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(50))));
        work.as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(40))));
        work.as("qu_jingban", () -> cases.perform(a.caseId(), "CONFIRM", act(today.minusDays(35))));
        work.as(street, () -> cases.perform(a.caseId(), "DELIVER", act(today.minusDays(33))));
    }

    private void urgent(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(h, CaseKind.TEMPORARY_URGENT, today.minusDays(15), false);
        String street = street(h.community());
        work.as(street, () -> assessments.draft(a.id(), today.minusDays(15), null, LATE, null));
        work.attach(street, a.caseId(), "SITUATION_RECORD");
        work.as(street, () -> cases.perform(a.caseId(), "GRANT", act(today.minusDays(15))));
    }

    private void expenditure(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(
                h,
                CaseKind.TEMPORARY,
                today.minusDays(40),
                false,
                "APPLICATION",
                "PROMISE",
                "AUTHORISATION",
                "EXPENSE_PROOF");
        work.investigate(h, a, today.minusDays(38), 0, true);
        String street = street(h.community());
        work.as(street, () -> assessments.draft(a.id(), today.minusDays(36), null, LATE, null));
        work.as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(36))));
        work.as("qu_jingban", () -> cases.perform(a.caseId(), "CONFIRM", act(today.minusDays(30))));
        work.as(street, () -> cases.perform(a.caseId(), "DELIVER", act(today.minusDays(28))));
    }

    private void tekun(AssistanceDemoHousehold h, LocalDate today) {
        Application a = work.intake(h, CaseKind.TEKUN, today.minusDays(30), false, ALL_MATERIALS);
        work.investigate(h, a, today.minusDays(28), 0, true);
        String street = street(h.community());
        work.as(
                street,
                () -> investigations.assessCare(
                        a.id(),
                        today.minusDays(28),
                        new CareGrade.Activities(true, true, false, false, true, true),
                        "街道评估员"));
        work.as(street, () -> assessments.draft(a.id(), today.minusDays(25), null, LATE, null));
        work.as(street, () -> cases.perform(a.caseId(), "PUBLISH", act(today.minusDays(25))));
        work.as(street, () -> cases.perform(a.caseId(), "SUBMIT", act(today.minusDays(15))));
    }
}
