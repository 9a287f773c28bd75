package cn.minzheng.assistance;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssistanceMenu {

    @Bean
    MenuEntry paymentRollsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "发放名册",
                "/assistance/payment-rolls",
                60,
                "DEPARTMENT_OFFICER",
                "DISTRICT_LEADER");
    }

    @Bean
    MenuEntry assistanceStatisticsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.ASSISTANCE,
                "救助统计",
                "/assistance/statistics",
                70,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER");
    }
}
