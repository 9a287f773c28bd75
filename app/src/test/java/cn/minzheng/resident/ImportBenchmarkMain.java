package cn.minzheng.resident;

import cn.minzheng.MinzhengApplication;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Started by {@link ResidentBenchmark} in its own JVM with {@code -Xmx512m}: runs the platform without a web server
 * against the benchmark's database, imports one file as a district officer (ACCEPT_VALID), and prints the time and the
 * heap it needed on lines starting with {@code IMPORT}.
 */
public final class ImportBenchmarkMain {

    private ImportBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(MinzhengApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off"));
        Path file = Path.of(args[5]);
        try (ConfigurableApplicationContext context = application.run(
                "--minzheng.db.url=" + args[0],
                "--minzheng.db.user=" + args[1],
                "--minzheng.db.password=" + args[2],
                "--minzheng.db.app-user=" + args[3],
                "--minzheng.db.app-password=" + args[4])) {
            ResidentImports imports = context.getBean(ResidentImports.class);
            District district = context.getBean(District.class);
            ThreadPoolTaskExecutor worker = context.getBean("residentImportExecutor", ThreadPoolTaskExecutor.class);
            byte[] content = Files.readAllBytes(file);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            long started = System.nanoTime();
            long id = SystemActor.call(
                    district.scope(),
                    () -> imports.start(file.getFileName().toString(), content, ResidentImports.Mode.ACCEPT_VALID),
                    "DEPARTMENT_OFFICER");
            ResidentImports.Import result;
            while (true) {
                result = SystemActor.call(district.scope(), () -> imports.find(id), "DEPARTMENT_OFFICER");
                if (!result.running()) {
                    break;
                }
                Thread.sleep(20);
            }
            long stored = System.nanoTime() - started;
            while (worker.getActiveCount() > 0) {
                Thread.sleep(20);
            }
            long withDuplicateSearch = System.nanoTime() - started;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    "IMPORT %s (%.1f MB): %s, total %d, accepted %d, rejected %d, created %d — stored in %.1f s"
                            + " (%.1f s with the district-wide duplicate search); peak heap %d MB of max %d MB%n",
                    file.getFileName(),
                    content.length / 1024.0 / 1024.0,
                    result.status(),
                    result.total(),
                    result.accepted(),
                    result.rejected(),
                    result.created(),
                    stored / 1e9,
                    withDuplicateSearch / 1e9,
                    peak / 1024 / 1024,
                    Runtime.getRuntime().maxMemory() / 1024 / 1024);
            if (result.status() != ResidentImports.Status.COMPLETED) {
                System.out.println("IMPORT message: " + result.message());
                System.exit(3);
            }
        }
        System.exit(0);
    }
}
