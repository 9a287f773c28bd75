package cn.minzheng.marriage;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.MenuEntry;
import cn.minzheng.platform.PortalEntry;
import cn.minzheng.platform.PublicEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's settings, its menu entries, its portal services and its one public API endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarriageSettings.class)
class MarriageConfiguration {

    @Bean
    MenuEntry marriageAppointmentsMenu() {
        return MenuEntry.of(
                BusinessLine.MARRIAGE,
                "预约名额与当日预约",
                "/marriage/appointments",
                10,
                "DEPARTMENT_OFFICER",
                "DISTRICT_LEADER");
    }

    @Bean
    MenuEntry marriageDivorcePeriodsMenu() {
        return MenuEntry.of(
                BusinessLine.MARRIAGE,
                "离婚冷静期计算",
                "/marriage/divorce-periods",
                20,
                "DEPARTMENT_OFFICER",
                "DISTRICT_LEADER");
    }

    @Bean
    PortalEntry marriagePortalEntry() {
        return new PortalEntry("办事服务", "婚姻登记预约", "预约结婚登记或离婚登记的日期；凭预约号可取消预约。", "/portal/marriage/appointments", 30);
    }

    /** Booking is open to citizens without an account (portal) and to staff at the counter alike. */
    @Bean
    PublicEndpoint marriageBookingEndpoint() {
        return new PublicEndpoint("POST", "/api/v1/marriage/appointments");
    }
}
