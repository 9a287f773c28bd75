package cn.minzheng.identity;

import cn.minzheng.shared.BusinessRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 账号管理 screens, the staff directory, and changing one's own password. */
@Controller
class AccountController {

    private final AccountManagement management;
    private final StaffDirectory directory;

    AccountController(AccountManagement management, StaffDirectory directory) {
        this.management = management;
        this.directory = directory;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) String within,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("accounts", management.list(q, role, within, Math.max(0, page), 50));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("within", within);
        model.addAttribute("page", page);
        model.addAttribute("roles", Role.values());
        return "identity/accounts";
    }

    @GetMapping("/accounts/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    String account(@PathVariable long id, Model model) {
        model.addAttribute("account", management.get(id));
        model.addAttribute("roles", Role.values());
        return "identity/account";
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String scopeCode,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            RedirectAttributes redirect) {
        try {
            AccountManagement.Created created = management.create(
                    username, displayName, scopeCode.strip(), roles == null ? Set.of() : EnumSet.copyOf(roles));
            redirect.addFlashAttribute(
                    "notice", "已创建账号 " + created.username() + "。初始密码须由区局领导在“密码发放”中核实本人后发放（三权分立：系统管理员不经手密码）。");
            return "redirect:/accounts/" + created.id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/accounts";
        }
    }

    @PostMapping("/accounts/{id}/roles")
    @PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'SYSTEM_ADMIN')")
    String roles(
            @PathVariable long id,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "已更新角色",
                () -> management.grantRoles(id, roles == null ? Set.of() : EnumSet.copyOf(roles)));
    }

    @PostMapping("/accounts/{id}/scope")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String scope(@PathVariable long id, @RequestParam String scopeCode, RedirectAttributes redirect) {
        return act(id, redirect, "已更新数据范围", () -> management.changeScope(id, scopeCode.strip()));
    }

    @PostMapping("/accounts/{id}/enabled")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(id, redirect, enabled ? "已启用账号" : "已停用账号，其会话和令牌已失效", () -> management.setEnabled(id, enabled));
    }

    @PostMapping("/accounts/{id}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "已解锁", () -> management.unlock(id));
    }

    @PostMapping("/accounts/{id}/password-reset")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String reset(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "已提交重置密码申请。须由区局领导当面核实本人后批准，临时密码只向批准人显示一次；审计管理员已收到提醒。",
                () -> management.resetPassword(id, reason));
    }

    @PostMapping("/accounts/{id}/second-factor-reset")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String resetSecondFactor(
            @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "已提交重置动态口令申请。须由区局领导当面核实本人后批准；本人下次登录时重新绑定；审计管理员已收到提醒。",
                () -> management.resetSecondFactor(id, reason));
    }

    @GetMapping("/account/password")
    String passwordForm(Authentication authentication, Model model) {
        model.addAttribute("mustChange", ((StaffUser) authentication.getPrincipal()).mustChangePassword());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String current,
            @RequestParam String replacement,
            @RequestParam String confirmation,
            Authentication authentication,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        StaffUser user = (StaffUser) authentication.getPrincipal();
        List<String> problems = !replacement.equals(confirmation)
                ? List.of("两次输入的新密码不一致")
                : management.changeOwnPassword(current, replacement);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("mustChange", user.mustChangePassword());
            return "identity/password";
        }
        // The session keeps the principal: clear the "must change" mark there too.
        StaffUser updated = user.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        redirect.addFlashAttribute("notice", "密码已修改。");
        return "redirect:/";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", management.ownTokens());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        management.revokeOwnToken(id);
        redirect.addFlashAttribute("notice", "已撤销令牌 " + id + "。");
        return "redirect:/account/tokens";
    }

    @GetMapping("/staff")
    String staff(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("colleagues", directory.colleagues(q, Math.max(0, page), 100));
        model.addAttribute("q", q);
        return "identity/staff";
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/accounts/" + id;
    }
}
