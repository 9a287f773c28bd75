package cn.minzheng.resident;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The master person index's detector: pairs of records that may be one person, on the same ID number (blind index)
 * or on the same name + birth date + gender. Candidates are stored for a person to decide (merge or dismiss); nothing
 * is merged automatically.
 *
 * <p>A community worker sees only their community, so a person registered twice in two communities is invisible to
 * both. After every registration the platform itself therefore looks for duplicates of the new records across the
 * whole district ({@link #afterCommit}); the pairs it finds are visible only to staff whose scope covers both records.
 */
@Component
class DuplicateFinder {

    private static final Logger log = LoggerFactory.getLogger(DuplicateFinder.class);

    private static final String SAME_ID = """
            insert into resident_duplicate (resident_a, resident_b, community_a, community_b, reason)
            select least(n.id, o.id), greatest(n.id, o.id),
                   case when n.id < o.id then n.community_code else o.community_code end,
                   case when n.id < o.id then o.community_code else n.community_code end,
                   'SAME_ID_NUMBER'
            from resident n join resident o on o.id_blind = n.id_blind and o.id <> n.id and o.merged_into is null
            where n.id_blind is not null and n.merged_into is null and %s
            on conflict do nothing
            """;

    private static final String SAME_PERSON_DETAILS = """
            insert into resident_duplicate (resident_a, resident_b, community_a, community_b, reason)
            select least(n.id, o.id), greatest(n.id, o.id),
                   case when n.id < o.id then n.community_code else o.community_code end,
                   case when n.id < o.id then o.community_code else n.community_code end,
                   'SAME_NAME_BIRTH_GENDER'
            from resident n join resident o
              on o.name = n.name and o.birth_date = n.birth_date and o.gender = n.gender and o.id <> n.id
                 and o.merged_into is null
            where n.merged_into is null and %s
            on conflict do nothing
            """;

    private final JdbcClient jdbc;
    private final District district;
    private final TransactionTemplate newTransaction;

    DuplicateFinder(JdbcClient jdbc, District district, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.district = district;
        this.newTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Candidates involving the given records, inside the current scope; returns how many new pairs were found. */
    int findFor(Collection<Long> residentIds) {
        if (residentIds.isEmpty()) {
            return 0;
        }
        Long[] ids = residentIds.toArray(Long[]::new);
        return jdbc.sql(SAME_ID.formatted("n.id = any(?)")).param(ids).update()
                + jdbc.sql(SAME_PERSON_DETAILS.formatted("n.id = any(?)"))
                        .param(ids)
                        .update();
    }

    int findForImport(long importId) {
        return jdbc.sql(SAME_ID.formatted("n.import_id = ?")).param(importId).update()
                + jdbc.sql(SAME_PERSON_DETAILS.formatted("n.import_id = ?"))
                        .param(importId)
                        .update();
    }

    /** Every candidate inside the current scope (a full pass; seconds on a whole district). */
    int findAll() {
        return jdbc.sql(SAME_ID.formatted("true")).update()
                + jdbc.sql(SAME_PERSON_DETAILS.formatted("true")).update();
    }

    /** After the current transaction commits, look for duplicates of these records across the district. */
    void afterCommit(List<Long> residentIds) {
        afterCommit(() -> findFor(residentIds));
    }

    void afterCommitOfImport(long importId) {
        afterCommit(() -> findForImport(importId));
    }

    private void afterCommit(java.util.function.IntSupplier work) {
        Runnable scan = () -> {
            try {
                int found = SystemActor.call(
                        district.scope(),
                        () -> newTransaction.execute(status -> work.getAsInt()),
                        "DEPARTMENT_OFFICER");
                if (found > 0) {
                    log.info("主索引：发现 {} 对疑似重复档案，待人工确认", found);
                }
            } catch (RuntimeException e) {
                // The registration itself is committed; a district-wide scan (重新查找) catches up later.
                log.warn("主索引查重未完成：{}", LogSafe.describe(e));
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scan.run();
                }
            });
        } else {
            scan.run();
        }
    }
}
