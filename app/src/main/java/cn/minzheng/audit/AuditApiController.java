package cn.minzheng.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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

    AuditApiController(AuditLog log, AuditTrail trail) {
        this.log = log;
        this.trail = trail;
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
