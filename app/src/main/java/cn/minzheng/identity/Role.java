package cn.minzheng.identity;

import cn.minzheng.shared.RegionLevel;
import java.util.EnumSet;
import java.util.Set;

/** The bureau's roles. Three administrator roles are kept apart (三权分立): no account holds two of them. */
public enum Role {
    DISTRICT_LEADER("区局领导", RegionLevel.DISTRICT),
    DEPARTMENT_OFFICER("业务科室经办", RegionLevel.DISTRICT),
    STREET_OFFICER("街道经办", RegionLevel.STREET),
    COMMUNITY_WORKER("社区工作者", RegionLevel.COMMUNITY),
    LEGAL_REVIEWER("法制审核员", RegionLevel.DISTRICT),
    SYSTEM_ADMIN("系统管理员", RegionLevel.DISTRICT),
    SECURITY_ADMIN("安全管理员", RegionLevel.DISTRICT),
    AUDIT_ADMIN("审计管理员", RegionLevel.DISTRICT);

    static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    private final String label;
    private final RegionLevel scopeLevel;

    Role(String label, RegionLevel scopeLevel) {
        this.label = label;
        this.scopeLevel = scopeLevel;
    }

    /** The level of scope the role works at: a 街道经办 works for one street, a 社区工作者 for one community. */
    public RegionLevel scopeLevel() {
        return scopeLevel;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }
}
