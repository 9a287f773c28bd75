package cn.minzheng.procedure;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcedureMenu {

    static final String[] BUSINESS = {
        "DISTRICT_LEADER", "DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER", "LEGAL_REVIEWER"
    };

    @Bean
    MenuEntry procedureTodoMenu() {
        return MenuEntry.of(BusinessLine.WORKBENCH, "我的待办", "/procedure/todo", 10, BUSINESS);
    }

    @Bean
    MenuEntry procedureCasesMenu() {
        return MenuEntry.of(BusinessLine.RULE_OF_LAW, "案件办理", "/procedure/cases", 10, BUSINESS);
    }

    @Bean
    MenuEntry procedureSupervisionMenu() {
        return MenuEntry.of(
                BusinessLine.RULE_OF_LAW,
                "督办看板",
                "/procedure/supervision",
                20,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "LEGAL_REVIEWER",
                "STREET_OFFICER");
    }

    @Bean
    MenuEntry procedureReviewsMenu() {
        return MenuEntry.of(BusinessLine.RULE_OF_LAW, "法制审核", "/procedure/reviews", 30, "LEGAL_REVIEWER");
    }

    @Bean
    MenuEntry procedureMatterTypesMenu() {
        return MenuEntry.of(BusinessLine.RULE_OF_LAW, "事项目录", "/procedure/matter-types", 40);
    }

    @Bean
    MenuEntry procedureParametersMenu() {
        return MenuEntry.of(BusinessLine.RULE_OF_LAW, "参数管理", "/procedure/parameters", 50);
    }

    @Bean
    MenuEntry procedureLegalBasisMenu() {
        return MenuEntry.of(BusinessLine.RULE_OF_LAW, "法律依据", "/procedure/legal-basis", 60);
    }

    @Bean
    MenuEntry procedurePortalMenu() {
        return MenuEntry.of(BusinessLine.RULE_OF_LAW, "公示公告（门户）", "/portal/notices", 70);
    }

    @Bean
    HomeFigure procedureOverdueFigure(Supervision supervision) {
        return new HomeFigure() {
            @Override
            public String label() {
                return "已超法定时限";
            }

            @Override
            public String unit() {
                return "项";
            }

            @Override
            public long value() {
                return supervision.overdueCount();
            }

            @Override
            public String link() {
                return "/procedure/supervision";
            }

            @Override
            public Set<String> roles() {
                return Set.of("DISTRICT_LEADER", "DEPARTMENT_OFFICER", "LEGAL_REVIEWER", "STREET_OFFICER");
            }

            @Override
            public int order() {
                return 11;
            }
        };
    }
}
