package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Application;
import cn.minzheng.assistance.Applications;
import cn.minzheng.assistance.AssistanceRoles;
import cn.minzheng.procedure.Cases;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The work queues: applications whose preliminary opinion stands in public notice (公示, with objections), and those
 * waiting for confirmation (审核确认) — the district's queue, and the delegated streets' own — with their clocks.
 */
@Controller
@PreAuthorize(AssistanceRoles.READ)
class QueuesController {

    private final Applications applications;
    private final Cases cases;
    private final Clock clock;

    QueuesController(Applications applications, Cases cases, Clock clock) {
        this.applications = applications;
        this.cases = cases;
        this.clock = clock;
    }

    record Row(Application application, Cases.CaseView kernel) {}

    @GetMapping("/assistance/notices")
    String notices(Model model) {
        model.addAttribute("rows", rows(List.of("PUBLICITY")));
        model.addAttribute("today", LocalDate.now(clock));
        return "assistance/notices";
    }

    @GetMapping("/assistance/approvals")
    String approvals(Model model) {
        model.addAttribute("rows", rows(List.of("CONFIRMING")));
        model.addAttribute("today", LocalDate.now(clock));
        return "assistance/approvals";
    }

    private List<Row> rows(List<String> states) {
        return applications.list(null, states, true, 0, 200).stream()
                .map(a -> new Row(a, cases.view(a.caseId())))
                .toList();
    }
}
