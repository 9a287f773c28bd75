package cn.minzheng.identity;

import cn.minzheng.platform.District;
import cn.minzheng.platform.StaffNames;
import cn.minzheng.platform.SystemActor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff names for display, from the account table. Who acted on a record is part of the record, so the name is read
 * district-wide (a street officer sees that the district officer 王晓燕 approved, without seeing the district's
 * directory). Names are kept for a few minutes: a renamed account shows its new name soon after.
 */
@Component
class DirectoryStaffNames implements StaffNames {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final District district;
    private final Map<String, Remembered> names = new ConcurrentHashMap<>();

    private record Remembered(String name, Instant until) {}

    DirectoryStaffNames(JdbcClient jdbc, PlatformTransactionManager transactionManager, District district) {
        this.jdbc = jdbc;
        // Its own transaction: the caller's (a street's scope) would not see a district account.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transactions.setReadOnly(true);
        this.district = district;
    }

    @Override
    public String nameOf(String username) {
        if (username == null || username.isBlank()) {
            return "—";
        }
        if ("system".equals(username)) {
            return "系统";
        }
        Remembered known = names.get(username);
        Instant now = Instant.now();
        if (known != null && known.until().isAfter(now)) {
            return known.name();
        }
        String name = SystemActor.call(
                district.scope(),
                () -> transactions.execute(
                        status -> jdbc.sql("select display_name from staff_account where username = ?")
                                .param(username)
                                .query(String.class)
                                .optional()
                                .orElse("（账号已删除）")),
                "SYSTEM_ADMIN");
        names.put(username, new Remembered(name, now.plus(KEEP)));
        return name;
    }

    @Override
    public List<String> namesInStreet(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return List.of();
        }
        // a street's people; for the district, the district's own staff
        String street = regionCode.length() >= 9 ? regionCode.substring(0, 9) : regionCode;
        return SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> jdbc.sql("""
                                select distinct display_name from staff_account
                                where starts_with(scope_code, ?) and (length(?) = 9 or scope_code = ?) and enabled
                                order by display_name
                                """)
                        .params(street, street, street)
                        .query(String.class)
                        .list()),
                "SYSTEM_ADMIN");
    }
}
