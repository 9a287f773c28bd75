package cn.minzheng.resident;

import cn.minzheng.platform.District;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class ResidentConfiguration {

    /**
     * One import at a time per instance (they serialise on an advisory lock anyway): a 100 000-row import needs a few
     * hundred megabytes at its peak, and a 2-core server should keep serving pages meanwhile.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor residentImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("resident-import-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(20);
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /** Marks imports whose instance died while they ran (at start, and every minute). */
    @Component
    @ServingPlatform
    static class ImportSweeper implements ApplicationRunner {

        private static final Logger log = LoggerFactory.getLogger(ImportSweeper.class);

        private final ResidentImports imports;
        private final District district;
        private final TransactionTemplate transactions;

        ImportSweeper(ResidentImports imports, District district, TransactionTemplate transactions) {
            this.imports = imports;
            this.district = district;
            this.transactions = transactions;
        }

        @Override
        public void run(ApplicationArguments args) {
            sweep();
        }

        @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
        void sweep() {
            Integer marked = SystemActor.call(
                    district.scope(),
                    () -> transactions.execute(status -> imports.markAbandoned()),
                    "DEPARTMENT_OFFICER");
            if (marked != null && marked > 0) {
                log.warn("{} 个居民导入在进行中被中断，已标记为失败（未导入任何数据）", marked);
            }
        }
    }
}
