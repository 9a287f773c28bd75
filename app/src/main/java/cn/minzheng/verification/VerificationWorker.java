package cn.minzheng.verification;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs loads and batches off the request thread, one at a time per instance (a 2-core server keeps serving pages), as
 * the platform with the 核对中心's role at district scope. Loads and batches serialise across instances anyway.
 */
@Component
public class VerificationWorker {

    private static final Logger log = LoggerFactory.getLogger(VerificationWorker.class);

    private final TaskExecutor executor;
    private final Deliveries deliveries;
    private final BatchVerifications batches;
    private final District district;

    VerificationWorker(
            @Qualifier("verificationExecutor") TaskExecutor executor,
            Deliveries deliveries,
            BatchVerifications batches,
            District district) {
        this.executor = executor;
        this.deliveries = deliveries;
        this.batches = batches;
        this.district = district;
    }

    public void load(long deliveryId) {
        executor.execute(() -> asCentre(() -> deliveries.load(deliveryId), "核对数据导入 " + deliveryId));
    }

    public void runBatch(long batchId) {
        executor.execute(() -> asCentre(() -> batches.run(batchId), "批量复核 " + batchId));
    }

    private void asCentre(Runnable work, String what) {
        try {
            SystemActor.run(district.scope(), work, "DEPARTMENT_OFFICER");
        } catch (RuntimeException e) {
            log.error("{} 失败", what, e);
        }
    }
}
