package cn.minzheng.verification.web;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.BatchVerifications;
import cn.minzheng.verification.VerificationRoles;
import cn.minzheng.verification.VerificationWorker;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 在保对象批量复核 screens. */
@Controller
class BatchController {

    private final BatchVerifications batches;
    private final VerificationWorker worker;

    BatchController(BatchVerifications batches, VerificationWorker worker) {
        this.batches = batches;
        this.worker = worker;
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
}
