package cn.minzheng.assistance;

import cn.minzheng.procedure.ProcedureEvents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Listens to the procedure kernel, in the acting transaction (the events are published there): mirrors each
 * assistance case's state and the steps taken (which this module's preconditions look at), draws the 特困 spot check
 * when a case is submitted, applies issued decisions to the statuses, pays 支出型 temporary aid when it is delivered.
 * Anything refused here refuses the act itself.
 */
@Component
class CaseEvents {

    private final ApplicationStore applications;
    private final DecisionEffects effects;
    private final SpotChecks spotChecks;
    private final JdbcClient jdbc;

    CaseEvents(ApplicationStore applications, DecisionEffects effects, SpotChecks spotChecks, JdbcClient jdbc) {
        this.applications = applications;
        this.effects = effects;
        this.spotChecks = spotChecks;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ProcedureEvents.StepCompleted e) {
        if (!CaseKind.ours(e.matterType())) {
            return;
        }
        applications.byCase(e.caseId()).ifPresent(a -> {
            jdbc.sql("""
                            update assistance_application set state = ?, steps_done = array_append(steps_done, ?),
                                verification_requested_on = case when ? = 'REQUEST_VERIFICATION'
                                    then coalesce(verification_requested_on, ?) else verification_requested_on end
                            where id = ?
                            """)
                    .params(e.toState(), e.step(), e.step(), e.on(), a.id())
                    .update();
            if (a.kind() == CaseKind.TEKUN && "SUBMIT".equals(e.step())) {
                spotChecks.decide(a, e.on());
            }
            if (a.kind() == CaseKind.TEMPORARY && "DELIVER".equals(e.step()) && "APPROVE".equals(a.outcome())) {
                effects.payExpenditure(a, e.on());
            }
        });
    }

    @EventListener
    void on(ProcedureEvents.DecisionIssued e) {
        if (!CaseKind.ours(e.matterType())) {
            return;
        }
        applications.byCase(e.caseId()).ifPresent(a -> {
            applications.outcome(e.caseId(), e.outcome());
            effects.apply(a, e);
        });
    }

    @EventListener
    void on(ProcedureEvents.CaseClosed e) {
        if (CaseKind.ours(e.matterType())) {
            applications.closed(e.caseId(), e.state(), e.on());
        }
    }
}
