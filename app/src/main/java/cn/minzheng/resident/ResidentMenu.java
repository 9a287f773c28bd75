package cn.minzheng.resident;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import cn.minzheng.shared.DataScope;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class ResidentMenu {

    @Bean
    MenuEntry residentsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.WORKBENCH,
                "居民与家庭",
                "/residents",
                20,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER",
                "LEGAL_REVIEWER");
    }

    @Bean
    MenuEntry residentImportsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.WORKBENCH,
                "居民导入",
                "/resident-imports",
                21,
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "COMMUNITY_WORKER");
    }

    @Bean
    MenuEntry residentDuplicatesMenuEntry() {
        return MenuEntry.of(
                BusinessLine.WORKBENCH, "重复档案合并", "/resident-duplicates", 22, "DEPARTMENT_OFFICER", "STREET_OFFICER");
    }

    @Bean
    MenuEntry residentAccessLogMenuEntry() {
        return MenuEntry.of(
                BusinessLine.SYSTEM,
                "居民档案查阅记录",
                "/resident-access-log",
                40,
                "AUDIT_ADMIN",
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER");
    }

    /**
     * 居民 on the home page, counted in the viewer's scope. A district count reads every row (about half a second at
     * 1.3 million), so counts are kept for a minute per scope.
     */
    @Bean
    HomeFigure residentCount(ResidentRecords residents, TransactionTemplate transactions, Clock clock) {
        Map<String, long[]> cache = new ConcurrentHashMap<>();
        return new HomeFigure() {
            public String label() {
                return "在册居民";
            }

            public String unit() {
                return "人";
            }

            public long value() {
                DataScope scope = DataScopes.current().orElse(null);
                if (scope == null) {
                    return 0;
                }
                long now = clock.millis();
                long[] cached = cache.get(scope.code());
                if (cached != null && now - cached[1] < 60_000) {
                    return cached[0];
                }
                Long count = transactions.execute(status -> residents.countIn(scope));
                long value = count == null ? 0 : count;
                cache.put(scope.code(), new long[] {value, now});
                return value;
            }

            public String link() {
                return "/residents";
            }

            public Set<String> roles() {
                return Set.of("DISTRICT_LEADER", "DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER");
            }

            public int order() {
                return 20;
            }
        };
    }
}
