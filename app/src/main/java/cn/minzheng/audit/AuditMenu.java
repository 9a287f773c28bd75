package cn.minzheng.audit;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

    @Bean
    MenuEntry auditMenuEntry() {
        return MenuEntry.of(BusinessLine.SYSTEM, "审计日志", "/audit", 90, "AUDIT_ADMIN");
    }

    /** Alerts the audit administrator has not looked at yet. */
    @Bean
    HomeFigure openSecurityAlerts(SecurityAlerts alerts) {
        return new HomeFigure() {
            public String label() {
                return "待阅安全提醒";
            }

            public String unit() {
                return "条";
            }

            public long value() {
                return alerts.openCount();
            }

            public String link() {
                return "/audit#alerts";
            }

            public Set<String> roles() {
                return Set.of("AUDIT_ADMIN");
            }

            public int order() {
                return 5;
            }
        };
    }
}
