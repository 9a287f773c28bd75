package cn.minzheng.procedure;

import static cn.minzheng.procedure.ProcedureDemoFiling.LATE;
import static cn.minzheng.procedure.ProcedureDemoFiling.act;
import static cn.minzheng.procedure.ProcedureDemoFiling.street;

import cn.minzheng.shared.DemoNames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The procedure demo's 事实无人抚养儿童 and 政府信息公开 cases: one waiting for confirmation, one accepted long ago and idle
 * since (the supervision board's 不作为), a disclosure reply with a pending extension, a request waiting for correction.
 */
@Component
class ProcedureDemoCases {

    private final Cases cases;
    private final Decisions decisions;
    private final ProcedureDemoFiling filing;

    ProcedureDemoCases(Cases cases, Decisions decisions, ProcedureDemoFiling filing) {
        this.cases = cases;
        this.decisions = decisions;
        this.filing = filing;
    }

    // --- the cases --------------------------------------------------------------------------------------------------

    long unraisedChild(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = filing.open(street, "UNRAISED_CHILD", community, names.person(), "PERSON", today.minusDays(25));
        filing.attach(street, id, "APPLICATION", "SITUATION_PROOF");
        filing.as(street, () -> cases.perform(id, "ACCEPT", act(today.minusDays(25))));
        filing.as(
                street,
                () -> decisions.draft(
                        id,
                        new Decisions.Draft(
                                null,
                                Map.of("parentsSituationMet", "true", "childUnder18", "true"),
                                "经部门信息比对，父亲服刑在押、母亲失联超过6个月。",
                                List.of(),
                                false,
                                null,
                                today.minusDays(12),
                                LATE)));
        return filing.as(street, () -> cases.perform(id, "SUBMIT", act(today.minusDays(10))))
                .id();
    }

    /** Accepted long ago and nothing done since: the supervision board's 不作为. */
    long unraisedIdle(DemoNames names, String community, LocalDate today) {
        String street = street(community);
        long id = filing.open(street, "UNRAISED_CHILD", community, names.person(), "PERSON", today.minusDays(45));
        filing.attach(street, id, "APPLICATION");
        return filing.as(street, () -> cases.perform(id, "ACCEPT", act(today.minusDays(45))))
                .id();
    }

    long disclosureOverdue(DemoNames names, String community, LocalDate today) {
        long id = filing.open(
                "qu_jingban", "INFO_DISCLOSURE_REQUEST", community, names.person(), "PERSON", today.minusDays(40));
        filing.attach("qu_jingban", id, "REQUEST");
        Cases.CaseView registered =
                filing.as("qu_jingban", () -> cases.perform(id, "REGISTER", act(today.minusDays(38))));
        long reply = registered.clocks().stream()
                .filter(c -> c.code().equals("REPLY"))
                .findFirst()
                .orElseThrow()
                .id();
        return filing.as(
                        "qu_jingban",
                        () -> cases.requestExtension(
                                id, reply, new Cases.ExtensionRequest(40, "申请公开的信息涉及多个科室的历年档案，需要调取核对")))
                .id();
    }

    long disclosureWaiting(DemoNames names, String community, LocalDate today) {
        long id = filing.open(
                "qu_jingban2", "INFO_DISCLOSURE_REQUEST", community, names.person(), "PERSON", today.minusDays(12));
        return filing.as(
                        "qu_jingban2",
                        () -> cases.suspend(
                                id,
                                new Cases.Suspension(
                                        "CORRECTION",
                                        today.minusDays(11),
                                        "申请内容不明确：请写明所需信息的名称或文号",
                                        List.of("CORRECTED_REQUEST"),
                                        today.plusDays(4),
                                        LATE)))
                .id();
    }
}
