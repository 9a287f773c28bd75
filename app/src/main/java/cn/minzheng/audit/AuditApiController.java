package cn.minzheng.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditApiController {

    private final AuditLog log;
    private final AuditTrail trail;
    private final SecurityAlerts alerts;

    AuditApiController(AuditLog log, AuditTrail trail, SecurityAlerts alerts) {
        this.log = log;
        this.trail = trail;
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    List<SecurityAlerts.Alert> alerts() {
        return alerts.open();
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    Map<String, String> acknowledge(@PathVariable long id) {
        alerts.acknowledge(id);
        return Map.of("result", "ok");
    }

    @GetMapping("/entries")
    AuditLog.Page entries(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return log.entries(
                new AuditLog.Filter(action, actor, targetType, targetId, from, to),
                Math.max(0, page),
                Math.min(Math.max(1, size), 500));
    }

    @PostMapping("/verification")
    ChainVerification verify() {
        ChainVerification result = log.verify();
        trail.record(
                result.intact()
                        ? AuditEvent.success("AUDIT_CHAIN_VERIFIED", "audit_chain", result.headSeq())
                        : AuditEvent.failure("AUDIT_CHAIN_VERIFIED", "audit_chain", result.firstBrokenSeq(), "BROKEN"));
        return result;
    }
}
