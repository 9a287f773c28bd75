package cn.minzheng.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 审计日志 screens for the audit administrator: browse entries, verify the chain. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {

    private final AuditLog log;
    private final AuditTrail trail;
    private final SecurityAlerts alerts;

    AuditController(AuditLog log, AuditTrail trail, SecurityAlerts alerts) {
        this.log = log;
        this.trail = trail;
        this.alerts = alerts;
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        alerts.acknowledge(id);
        redirect.addFlashAttribute("notice", "已阅。");
        return "redirect:/audit";
    }

    @GetMapping
    String entries(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditLog.Filter filter = new AuditLog.Filter(action, actor, targetType, targetId, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", log.entries(filter, page, 50));
        model.addAttribute("alerts", alerts.open());
        return "audit/entries";
    }

    @PostMapping("/verification")
    String verify(Model model) {
        ChainVerification result = log.verify();
        trail.record(
                result.intact()
                        ? AuditEvent.success("AUDIT_CHAIN_VERIFIED", "audit_chain", result.headSeq())
                        : AuditEvent.failure("AUDIT_CHAIN_VERIFIED", "audit_chain", result.firstBrokenSeq(), "BROKEN"));
        model.addAttribute("verification", result);
        return "audit/verification";
    }
}
