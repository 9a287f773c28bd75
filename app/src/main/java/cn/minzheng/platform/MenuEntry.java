package cn.minzheng.platform;

import java.util.Set;

/**
 * One entry of the left menu, contributed by a module as a bean. {@code roles} are role names (without the ROLE_
 * prefix) that see the entry; empty means every signed-in user.
 */
public record MenuEntry(BusinessLine line, String label, String path, int order, Set<String> roles) {

    public static MenuEntry of(BusinessLine line, String label, String path, int order, String... roles) {
        return new MenuEntry(line, label, path, order, Set.of(roles));
    }

    public boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
