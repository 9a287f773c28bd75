package cn.minzheng.assistance;

import cn.minzheng.platform.Display;
import cn.minzheng.platform.Labels;
import cn.minzheng.platform.StaffNames;
import cn.minzheng.platform.WorkItem;
import cn.minzheng.platform.WorkSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Social assistance's part of the worklist, from the state of things: rolls waiting for another person's review, months
 * a programme has no roll for, review tasks coming due, applications received online and not yet taken up.
 */
@Component
class AssistanceWork implements WorkSource {

    private final PaymentRolls rolls;
    private final ReviewTasks tasks;
    private final PortalInbox portal;
    private final Labels labels;
    private final StaffNames staff;
    private final Clock clock;

    AssistanceWork(
            PaymentRolls rolls, ReviewTasks tasks, PortalInbox portal, Labels labels, StaffNames staff, Clock clock) {
        this.rolls = rolls;
        this.tasks = tasks;
        this.portal = portal;
        this.labels = labels;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> work() {
        Set<String> roles = roles();
        LocalDate today = LocalDate.now(clock);
        List<WorkItem> items = new ArrayList<>();
        if (roles.contains("DISTRICT_LEADER") || roles.contains("DEPARTMENT_OFFICER")) {
            String me = SecurityContextHolder.getContext().getAuthentication().getName();
            for (PaymentRolls.Roll roll : rolls.list(null)) {
                if (roll.state().equals("GENERATED") && !roll.generatedBy().equals(me)) {
                    items.add(WorkItem.due(
                            "待审核发放名册",
                            Display.month(roll.period()) + labels.label("payment-programme", roll.programme()) + "发放名册",
                            staff.nameOf(roll.generatedBy()) + "生成，共 " + roll.itemCount() + " 户（人）、"
                                    + Display.yuan(roll.totalFen()) + "，等待另一位工作人员审核",
                            "/assistance/payment-rolls/" + roll.id(),
                            roll.period().atDay(1).plusDays(9),
                            today));
                }
            }
        }
        if (roles.contains("DEPARTMENT_OFFICER")) {
            for (PaymentRolls.MissingMonth m : rolls.missingMonths()) {
                items.add(WorkItem.due(
                        "缺少发放名册",
                        Display.month(m.period()) + labels.label("payment-programme", m.programme()) + "发放名册",
                        "该月有 " + m.beneficiaries() + " 户（人）在享受救助，但还没有名册，救助金未发放",
                        "/assistance/payment-rolls?programme=" + m.programme(),
                        m.period().atDay(1),
                        today));
            }
        }
        if (roles.contains("STREET_OFFICER") || roles.contains("COMMUNITY_WORKER")) {
            LocalDate horizon = today.plusDays(30);
            var due = tasks.todo(300).stream()
                    .filter(t -> t.state().equals("OPEN") && !t.dueOn().isAfter(horizon))
                    .toList();
            if (!due.isEmpty()) {
                LocalDate first = due.stream()
                        .map(ReviewTask::dueOn)
                        .min(LocalDate::compareTo)
                        .orElse(null);
                String kinds =
                        due.stream().map(ReviewTask::kindLabel).distinct().collect(Collectors.joining("、"));
                items.add(WorkItem.due(
                        "动态管理核查",
                        due.size() + " 件核查任务 30 日内到期",
                        kinds + "：核查家庭人口、收入和财产有无变化",
                        "/assistance/reviews",
                        first,
                        today));
            }
        }
        if (roles.contains("STREET_OFFICER")) {
            for (WaitingApplication w : portal.waiting(false)) {
                items.add(WorkItem.due(
                        "网上申请待受理",
                        w.applicantName() + " · " + labels.label("programme", w.programme()),
                        "居民在网上提交了申请，请联系申请人到窗口核实身份、登记受理或说明不予受理的理由",
                        "/assistance/portal-applications",
                        LocalDate.ofInstant(w.submittedAt(), clock.getZone()).plusDays(5),
                        today));
            }
        }
        return items;
    }

    private static Set<String> roles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a)
                .collect(Collectors.toSet());
    }
}
