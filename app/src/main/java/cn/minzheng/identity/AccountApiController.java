package cn.minzheng.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST for account management and the staff directory. Password hashes never leave the server. */
@RestController
class AccountApiController {

    private final AccountManagement management;
    private final StaffDirectory directory;
    private final PasswordResets resets;

    AccountApiController(AccountManagement management, StaffDirectory directory, PasswordResets resets) {
        this.management = management;
        this.directory = directory;
        this.resets = resets;
    }

    record AccountView(
            long id,
            String username,
            String displayName,
            String scopeCode,
            Set<Role> roles,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            String lastLoginAt) {

        static AccountView of(StaffAccount a) {
            return new AccountView(
                    a.id(),
                    a.username(),
                    a.displayName(),
                    a.scope().code(),
                    a.roles(),
                    a.enabled(),
                    a.lockedAt(java.time.Instant.now()),
                    a.mustChangePassword(),
                    a.lastLoginAt() == null ? null : a.lastLoginAt().toString());
        }
    }

    @GetMapping("/api/v1/accounts")
    List<AccountView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String within,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return management.list(q, role, within, Math.max(0, page), Math.min(Math.max(1, size), 500)).stream()
                .map(AccountView::of)
                .toList();
    }

    @GetMapping("/api/v1/accounts/{id}")
    AccountView get(@PathVariable long id) {
        return AccountView.of(management.get(id));
    }

    record NewAccount(String username, String displayName, String scopeCode, Set<Role> roles) {}

    @PostMapping("/api/v1/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountManagement.Created create(@RequestBody NewAccount body) {
        return management.create(body.username(), body.displayName(), body.scopeCode(), body.roles());
    }

    record Roles(Set<Role> roles) {}

    @PutMapping("/api/v1/accounts/{id}/roles")
    Map<String, String> roles(@PathVariable long id, @RequestBody Roles body) {
        management.grantRoles(id, body.roles());
        return Map.of("result", "ok");
    }

    record Scope(String scopeCode) {}

    @PutMapping("/api/v1/accounts/{id}/scope")
    Map<String, String> scope(@PathVariable long id, @RequestBody Scope body) {
        management.changeScope(id, body.scopeCode());
        return Map.of("result", "ok");
    }

    record Enabled(boolean enabled) {}

    @PutMapping("/api/v1/accounts/{id}/enabled")
    Map<String, String> enabled(@PathVariable long id, @RequestBody Enabled body) {
        management.setEnabled(id, body.enabled());
        return Map.of("result", "ok");
    }

    @PostMapping("/api/v1/accounts/{id}/unlock")
    Map<String, String> unlock(@PathVariable long id) {
        management.unlock(id);
        return Map.of("result", "ok");
    }

    record ResetReason(String reason) {}

    /** A request only: the one-time password is shown to the district leader who approves it. */
    @PostMapping("/api/v1/accounts/{id}/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> reset(@PathVariable long id, @RequestBody(required = false) ResetReason body) {
        long request = management.resetPassword(id, body == null ? null : body.reason());
        return Map.of("requestId", request, "state", "PENDING", "message", "须由区局领导核实本人后批准，临时密码只向批准人显示一次");
    }

    @PostMapping("/api/v1/accounts/{id}/second-factor-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> resetSecondFactor(@PathVariable long id, @RequestBody(required = false) ResetReason body) {
        long request = management.resetSecondFactor(id, body == null ? null : body.reason());
        return Map.of("requestId", request, "state", "PENDING");
    }

    @GetMapping("/api/v1/password-resets")
    List<PasswordResets.Request> pendingResets() {
        return resets.pending();
    }

    @PostMapping("/api/v1/password-resets/{id}/approval")
    PasswordResets.Issued approveReset(@PathVariable long id) {
        return resets.approve(id);
    }

    @PostMapping("/api/v1/password-resets/{id}/cancellation")
    Map<String, String> cancelReset(@PathVariable long id) {
        resets.cancel(id);
        return Map.of("result", "ok");
    }

    record PasswordChange(String current, String replacement) {}

    @PostMapping("/api/v1/account/password")
    Map<String, Object> changeOwn(@RequestBody PasswordChange body) {
        List<String> problems = management.changeOwnPassword(body.current(), body.replacement());
        if (!problems.isEmpty()) {
            throw new cn.minzheng.shared.BusinessRuleViolation(String.join("；", problems));
        }
        return Map.of("result", "ok");
    }

    @GetMapping("/api/v1/account/tokens")
    List<ApiTokens.Listed> tokens() {
        return management.ownTokens();
    }

    @DeleteMapping("/api/v1/account/tokens/{id}")
    Map<String, String> revokeToken(@PathVariable long id) {
        management.revokeOwnToken(id);
        return Map.of("result", "ok");
    }

    @GetMapping("/api/v1/staff")
    List<StaffDirectory.Colleague> colleagues(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return directory.colleagues(q, Math.max(0, page), Math.min(Math.max(1, size), 500));
    }

    @GetMapping("/api/v1/staff/{id}")
    StaffDirectory.Colleague colleague(@PathVariable long id) {
        return directory.colleague(id);
    }
}
