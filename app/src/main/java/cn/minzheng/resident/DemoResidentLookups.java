package cn.minzheng.resident;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Questions only the demo steps of other modules ask about the residents the resident demo generated: which
 * households a community has, in the order they were registered, who heads a household and who has a bank account yet. Read in the caller's
 * scope and transaction.
 */
@Component
public class DemoResidentLookups {

    private final JdbcClient jdbc;

    DemoResidentLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first households of the community, in the order they were registered. */
    public List<Long> householdsOf(String community, int limit) {
        return jdbc.sql("select id from household where community_code = ? order by id limit ?")
                .params(community, limit)
                .query(Long.class)
                .list();
    }

    /** The head of the household as registered, or null. */
    public Long headOf(long householdId) {
        return jdbc
                .sql("select head_id from household where id = ?")
                .param(householdId)
                .query(Long.class)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Whether the resident has a bank account on record (for the payment rolls' bank file). */
    public boolean hasBankAccount(long residentId) {
        return jdbc.sql("select bank_account_cipher is not null from resident where id = ?")
                .param(residentId)
                .query(Boolean.class)
                .single();
    }
}
