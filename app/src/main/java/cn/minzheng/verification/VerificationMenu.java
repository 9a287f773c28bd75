package cn.minzheng.verification;

import cn.minzheng.platform.BusinessLine;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.HomeFigure;
import cn.minzheng.platform.MenuEntry;
import cn.minzheng.shared.DataScope;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class VerificationMenu {

    @Bean
    MenuEntry verificationRequestsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.VERIFICATION,
                "核对请求与结果",
                "/verification/requests",
                10,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER",
                "LEGAL_REVIEWER");
    }

    @Bean
    MenuEntry verificationSourcesMenuEntry() {
        return MenuEntry.of(
                BusinessLine.VERIFICATION,
                "数据来源（26 项）",
                "/verification/sources",
                20,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER");
    }

    @Bean
    MenuEntry verificationDeliveriesMenuEntry() {
        return MenuEntry.of(
                BusinessLine.VERIFICATION,
                "部门数据交付",
                "/verification/deliveries",
                30,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER");
    }

    @Bean
    MenuEntry verificationBatchesMenuEntry() {
        return MenuEntry.of(
                BusinessLine.VERIFICATION,
                "在保对象批量复核",
                "/verification/batches",
                40,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER");
    }

    @Bean
    MenuEntry verificationStatisticsMenuEntry() {
        return MenuEntry.of(
                BusinessLine.VERIFICATION,
                "核对统计",
                "/verification/statistics",
                50,
                "DISTRICT_LEADER",
                "DEPARTMENT_OFFICER",
                "STREET_OFFICER");
    }

    /** Findings waiting for a decision or a re-review, in the viewer's scope. */
    @Bean
    HomeFigure openVerificationFindings(JdbcClient jdbc, TransactionTemplate transactions) {
        return new HomeFigure() {
            public String label() {
                return "待核实的核对疑点";
            }

            public String unit() {
                return "条";
            }

            public long value() {
                DataScope scope = DataScopes.current().orElse(null);
                if (scope == null) {
                    return 0;
                }
                Long count = transactions.execute(status ->
                        jdbc.sql("""
                                select count(*) from verification_finding f
                                where starts_with(f.community_code, ?)
                                  and coalesce((select v.kind from verification_review v where v.finding_id = f.id
                                                order by v.id desc limit 1), 'NONE') in ('NONE', 'OBJECTION')
                                """).param(scope.code()).query(Long.class).single());
                return count == null ? 0 : count;
            }

            public String link() {
                return "/verification/requests";
            }

            public Set<String> roles() {
                return Set.of("DEPARTMENT_OFFICER", "STREET_OFFICER");
            }

            public int order() {
                return 40;
            }
        };
    }
}
