package cn.minzheng.assistance;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entries and home figures of the case side: applications, portal, notices, approvals, reviews, the team. */
@Configuration(proxyBeanMethods = false)
class AssistanceCaseMenu {

    @Bean
    MenuEntry assistanceApplicationsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "救助申请",
                "/assistance/applications",
                10,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER",
                "LEGAL_REVIEWER");
    }

    @Bean
    MenuEntry assistancePortalMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "网上申请",
                "/assistance/portal-applications",
                15,
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER");
    }

    @Bean
    MenuEntry assistanceNoticesMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "公示与异议",
                "/assistance/notices",
                20,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER",
                "LEGAL_REVIEWER");
    }

    @Bean
    MenuEntry assistanceApprovalsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "审核确认",
                "/assistance/approvals",
                30,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER");
    }

    @Bean
    MenuEntry assistanceReviewsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "动态管理",
                "/assistance/reviews",
                40,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER");
    }

    @Bean
    MenuEntry assistanceEmergencyMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "应急响应服务队",
                "/assistance/emergency",
                50,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER");
    }

    @Bean
    HomeFigure assistanceReviewFigure(ReviewTasks tasks) {
        return new HomeFigure() {
            @Override
            public String label() {
                return "待办核查任务";
            }

            @Override
            public String unit() {
                return "件";
            }

            @Override
            public long value() {
                return tasks.todo(500).size();
            }

            @Override
            public String link() {
                return "/assistance/reviews";
            }

            @Override
            public Set<String> roles() {
                return Set.of("DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER");
            }

            @Override
            public int order() {
                return 30;
            }
        };
    }
}
