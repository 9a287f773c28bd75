package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 存量对象登记: beneficiaries approved on paper before the platform went live (and the demo district's) are entered
 * with the number of the decision that approved them — every status points at a decision, here the paper one — and
 * get their review plan, so that the monthly rolls pay them and dynamic management reviews them from then on. New
 * beneficiaries only ever come from decisions on the kernel.
 */
@Service
class LegacyBeneficiaries {

    private final Households households;
    private final StatusLedger ledger;
    private final Parameters parameters;
    private final AuditTrail audit;
    private final Clock clock;

    LegacyBeneficiaries(
            Households households, StatusLedger ledger, Parameters parameters, AuditTrail audit, Clock clock) {
        this.households = households;
        this.ledger = ledger;
        this.parameters = parameters;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One beneficiary: a 低保 household (or a single-person 低保 person), or a 特困 person with the care subsidy of
     * their grade; {@code decisionRef} is the number of the paper decision, {@code effectiveFrom} the first month paid.
     */
    public record Legacy(
            CaseKind kind,
            Long householdId,
            Long personId,
            int members,
            long monthlyFen,
            long careFen,
            CareGrade careGrade,
            LocalDate effectiveFrom,
            LocalDate lastReviewedOn,
            boolean unstable,
            String decisionRef) {}

    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public int register(List<Legacy> rows) {
        LocalDate today = LocalDate.now(clock);
        int made = 0;
        for (Legacy row : rows) {
            if (row.decisionRef() == null || row.decisionRef().isBlank()) {
                throw new BusinessRuleViolation("存量对象须写明原审批决定的文号");
            }
            if (row.effectiveFrom() == null
                    || row.effectiveFrom().getDayOfMonth() != 1
                    || row.effectiveFrom().isAfter(today)) {
                throw new BusinessRuleViolation("开始发放的月份须为某月1日，且不晚于今天");
            }
            if (row.monthlyFen() <= 0) {
                throw new BusinessRuleViolation("月保障金额须大于零");
            }
            LocalDate reviewed = row.lastReviewedOn() == null ? row.effectiveFrom() : row.lastReviewedOn();
            switch (row.kind()) {
                case DIBAO -> {
                    boolean household = row.householdId() != null;
                    String community;
                    long subject;
                    if (household) {
                        HouseholdView h = households.household(row.householdId());
                        community = h.communityCode();
                        subject = h.id();
                    } else {
                        ResidentSummary p = households.person(row.personId());
                        community = p.communityCode();
                        subject = p.id();
                    }
                    String type = household ? "HOUSEHOLD" : "PERSON";
                    if (ledger.open("DIBAO", "DIBAO", type, subject).isPresent()) {
                        continue;
                    }
                    long status = ledger.open(new StatusLedger.NewStatus(
                            "DIBAO",
                            "DIBAO",
                            type,
                            subject,
                            community,
                            household ? "低保" : "单人户",
                            Math.max(1, row.members()),
                            row.monthlyFen(),
                            row.effectiveFrom(),
                            null,
                            row.decisionRef()));
                    int months = parameters
                            .valueAsOf(
                                    row.unstable() ? "REVIEW_PERIOD_UNSTABLE" : "REVIEW_PERIOD_STABLE",
                                    community,
                                    today)
                            .whole();
                    ledger.plan(status, community, months, row.unstable(), reviewed);
                    made++;
                }
                case TEKUN -> {
                    ResidentSummary p = households.person(row.personId());
                    if (ledger.open("TEKUN", "TEKUN", "PERSON", p.id()).isPresent()) {
                        continue;
                    }
                    long status = ledger.open(new StatusLedger.NewStatus(
                            "TEKUN",
                            "TEKUN",
                            "PERSON",
                            p.id(),
                            p.communityCode(),
                            "分散供养",
                            1,
                            row.monthlyFen(),
                            row.effectiveFrom(),
                            null,
                            row.decisionRef()));
                    if (row.careFen() > 0) {
                        ledger.open(new StatusLedger.NewStatus(
                                "TEKUN",
                                "TEKUN_CARE",
                                "PERSON",
                                p.id(),
                                p.communityCode(),
                                row.careGrade() == null ? null : row.careGrade().name(),
                                1,
                                row.careFen(),
                                row.effectiveFrom(),
                                null,
                                row.decisionRef()));
                    }
                    int months = parameters
                            .valueAsOf("TEKUN_REVIEW_MONTHS", p.communityCode(), today)
                            .whole();
                    ledger.plan(status, p.communityCode(), months, false, reviewed);
                    made++;
                }
                default -> throw new BusinessRuleViolation("存量登记只用于低保和特困对象");
            }
        }
        audit.record(AuditEvent.success("ASSISTANCE_LEGACY_REGISTERED", "assistance_status", null)
                .because("rows " + made));
        return made;
    }
}
