package cn.minzheng.region;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.RegionLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionMenu {

    /** Counted inside the viewer's scope: a street worker sees their street's communities. */
    static long within(Regions regions, RegionLevel level) {
        String scope = DataScopes.current().map(DataScope::code).orElse(null);
        return scope == null ? 0 : regions.countWithin(level, scope, regions.today());
    }

    @Bean
    MenuEntry regionTreeMenuEntry() {
        return MenuEntry.of(BusinessLine.BOUNDARY, "区划树", "/regions", 10);
    }

    @Bean
    MenuEntry regionChangesMenuEntry() {
        return MenuEntry.of(
                BusinessLine.BOUNDARY, "区划变更", "/regions/changes", 20, "SYSTEM_ADMIN", "DEPARTMENT_OFFICER");
    }

    @Bean
    HomeFigure streetCount(Regions regions) {
        return new HomeFigure() {
            public String label() {
                return "街道";
            }

            public String unit() {
                return "个";
            }

            public long value() {
                return within(regions, RegionLevel.STREET);
            }

            public String link() {
                return "/regions";
            }

            /** A community worker's scope holds no street: the figure would read "0 个街道". */
            public java.util.Set<String> roles() {
                return java.util.Set.of(
                        "DISTRICT_LEADER",
                        "DEPARTMENT_OFFICER",
                        "STREET_OFFICER",
                        "LEGAL_REVIEWER",
                        "SYSTEM_ADMIN",
                        "SECURITY_ADMIN",
                        "AUDIT_ADMIN");
            }

            public int order() {
                return 10;
            }
        };
    }

    @Bean
    HomeFigure communityCount(Regions regions) {
        return new HomeFigure() {
            public String label() {
                return "社区";
            }

            public String unit() {
                return "个";
            }

            public long value() {
                return within(regions, RegionLevel.COMMUNITY);
            }

            public String link() {
                return "/regions";
            }

            public int order() {
                return 11;
            }
        };
    }
}
