package cn.minzheng.verification;

import cn.minzheng.platform.District;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    /** One load or batch at a time per instance. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor verificationExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("verification-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /** At start: deliveries and batches whose instance died while they ran are closed as failed. */
    @Component
    @ServingPlatform
    static class Sweeper implements ApplicationRunner {

        private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

        private final Deliveries deliveries;
        private final BatchVerifications batches;
        private final VerificationWorker worker;
        private final District district;

        Sweeper(Deliveries deliveries, BatchVerifications batches, VerificationWorker worker, District district) {
            this.deliveries = deliveries;
            this.batches = batches;
            this.worker = worker;
            this.district = district;
        }

        @Override
        public void run(ApplicationArguments args) {
            int loads = SystemActor.call(district.scope(), deliveries::markAbandoned, "DEPARTMENT_OFFICER");
            if (loads > 0) {
                log.warn("核对：{} 个数据导入在进行中被中断，已标记为失败", loads);
            }
            // a batch interrupted by the death of its instance goes on where it stopped (issue 14 B9)
            for (long batch : SystemActor.call(district.scope(), batches::abandoned, "DEPARTMENT_OFFICER")) {
                log.warn("核对：批量复核第 {} 批在进行中被中断，现在继续进行", batch);
                worker.runBatch(batch);
            }
        }
    }

    /**
     * The monthly re-verification of all beneficiaries (default: 02:30 on the 1st; {@code
     * minzheng.verification.batch.cron}, "-" to switch it off). Every instance triggers it; one runs it.
     */
    @Component
    @ServingPlatform
    static class MonthlyBatch {

        private final BatchVerifications batches;
        private final District district;
        private final Clock clock;

        MonthlyBatch(BatchVerifications batches, District district, Clock clock) {
            this.batches = batches;
            this.district = district;
            this.clock = clock;
        }

        @Scheduled(cron = "${minzheng.verification.batch.cron:0 30 2 1 * *}", zone = "${minzheng.zone:Asia/Shanghai}")
        void run() {
            SystemActor.run(district.scope(), () -> batches.runScheduled(YearMonth.now(clock)), "DEPARTMENT_OFFICER");
        }
    }
}
