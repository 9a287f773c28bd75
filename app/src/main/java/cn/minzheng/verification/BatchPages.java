package cn.minzheng.verification;

import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 在保对象批量复核 and 核对统计 screens. */
@Controller
class BatchPages {

    private final BatchVerifications batches;
    private final VerificationStatistics statistics;
    private final VerificationWorker worker;
    private final Clock clock;

    BatchPages(BatchVerifications batches, VerificationStatistics statistics, VerificationWorker worker, Clock clock) {
        this.batches = batches;
        this.statistics = statistics;
        this.worker = worker;
        this.clock = clock;
    }

    @GetMapping("/verification/batches")
    @PreAuthorize(VerificationRoles.BATCH_READ)
    String batches(Model model) {
        model.addAttribute("batches", batches.list(50));
        return "verification/batches";
    }

    @PostMapping("/verification/batches")
    @PreAuthorize(VerificationRoles.BATCH)
    String start(RedirectAttributes redirect) {
        try {
            long id = batches.start();
            worker.runBatch(id);
            redirect.addFlashAttribute("notice", "第 " + id + " 批复核已开始，完成后刷新本页查看结果");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/batches";
    }

    @GetMapping("/verification/statistics")
    @PreAuthorize(VerificationRoles.STATISTICS)
    String statistics(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        YearMonth now = YearMonth.now(clock);
        YearMonth start = VerificationApiController.month(from, now.withMonth(1));
        YearMonth end = VerificationApiController.month(to, now);
        model.addAttribute("report", statistics.between(start, end));
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        return "verification/statistics";
    }
}
