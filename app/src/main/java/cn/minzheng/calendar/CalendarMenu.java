package cn.minzheng.calendar;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarMenu {

    @Bean
    MenuEntry calendarMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "工作日历", "/calendar", 50);
    }
}
