package cn.minzheng.audit;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    MenuEntry auditMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "审计日志", "/audit", 90, "AUDIT_ADMIN");
    }
}
