package cn.minzheng.platform.web;

import cn.minzheng.platform.MenuEntry;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.shared.ScopedPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the menu and the top bar's user into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final List<MenuEntry> entries;
    private final ObjectProvider<ScopeNames> scopeNames;

    LayoutAdvice(List<MenuEntry> entries, ObjectProvider<ScopeNames> scopeNames) {
        this.entries = entries;
        this.scopeNames = scopeNames;
    }

    @ModelAttribute("currentUser")
    CurrentUserView currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ScopedPrincipal principal)) {
            return null;
        }
        String code = principal.dataScope().code();
        String scopeName = scopeNames.getIfAvailable(() -> c -> c).nameOf(code);
        return new CurrentUserView(principal.username(), principal.displayName(), principal.roleLabels(), scopeName);
    }

    /** Role names of the signed-in user, for templates that show an action only to those who may take it. */
    @ModelAttribute("userRoles")
    Set<String> userRoles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
    }

    @ModelAttribute("menu")
    List<MenuGroup> menu() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ScopedPrincipal)) {
            return List.of();
        }
        Set<String> roles = userRoles();
        Map<cn.minzheng.platform.BusinessLine, List<MenuEntry>> byLine = new TreeMap<>();
        entries.stream()
                .filter(entry -> entry.visibleTo(roles))
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .forEach(entry -> byLine.computeIfAbsent(entry.line(), k -> new java.util.ArrayList<>())
                        .add(entry));
        return byLine.entrySet().stream()
                .map(e -> new MenuGroup(e.getKey(), e.getValue()))
                .toList();
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** This page with its query, for pagers and filter links that keep the other filters. */
    @ModelAttribute("here")
    Here here(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new Here(path, Map.copyOf(request.getParameterMap()));
    }
}
