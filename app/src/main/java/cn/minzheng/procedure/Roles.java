package cn.minzheng.procedure;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The role names procedures may name, with their Chinese labels (the identity module owns the roles themselves). */
final class Roles {

    static final Map<String, String> LABELS = Map.of(
            "DISTRICT_LEADER", "区局领导",
            "DEPARTMENT_OFFICER", "业务科室经办",
            "STREET_OFFICER", "街道经办",
            "COMMUNITY_WORKER", "社区工作者",
            "LEGAL_REVIEWER", "法制审核员");

    /** Roles that work on cases. Administrators (system, security, audit) never read case contents. */
    static final Set<String> BUSINESS = LABELS.keySet();

    private Roles() {}

    static String label(String role) {
        return LABELS.getOrDefault(role, role);
    }

    static String labels(Collection<String> roles) {
        return roles.stream().map(Roles::label).collect(Collectors.joining("或"));
    }
}
