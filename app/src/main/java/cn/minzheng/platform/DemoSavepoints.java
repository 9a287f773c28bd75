package cn.minzheng.platform;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A part of a demo step that may fail without spoiling the step (a case in a year the calendar does not know): run in a
 * savepoint of the step's transaction, it is undone alone when it fails, and the step goes on.
 */
@Component
public class DemoSavepoints {

    private final TransactionTemplate nested;

    public DemoSavepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the work in a savepoint; its failure is rethrown after the savepoint is rolled back. */
    public void run(Runnable work) {
        nested.executeWithoutResult(status -> work.run());
    }

    public <T> T call(java.util.function.Supplier<T> work) {
        return nested.execute(status -> work.get());
    }
}
