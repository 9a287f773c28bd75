package cn.minzheng.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Free space where the platform writes (the data folder, and the embedded database's cluster when it lives elsewhere),
 * checked every minute (issue 14 B12): below {@code minzheng.disk.warn-free} a warning goes to the log and onto every
 * staff page, before writes start to fail; below {@code minzheng.disk.min-free} the health check reports DOWN (Spring
 * Boot's disk-space indicator, pointed at the data folder with the same threshold).
 */
@Component
public class DiskSpaceWatch {

    private static final Logger log = LoggerFactory.getLogger(DiskSpaceWatch.class);

    private final Path dataDir;
    private final long warnBelow;
    private final long failBelow;
    private volatile String warning;

    DiskSpaceWatch(
            @Value("${minzheng.data-dir}") Path dataDir,
            @Value("${minzheng.disk.warn-free:2GB}") DataSize warnBelow,
            @Value("${minzheng.disk.min-free:256MB}") DataSize failBelow) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.warnBelow = warnBelow.toBytes();
        this.failBelow = failBelow.toBytes();
    }

    /** A sentence for the staff pages when space is short, else empty. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${minzheng.disk.check-interval:PT1M}")
    void check() {
        String found = null;
        for (Path path : watched()) {
            long free;
            try {
                free = Files.getFileStore(path).getUsableSpace();
            } catch (IOException e) {
                continue;
            }
            if (free < warnBelow) {
                found = "磁盘空间即将不足：" + path + " 所在磁盘只剩 " + human(free) + "（低于 " + human(failBelow)
                        + " 时平台将无法保存数据）。请通知系统管理员清理磁盘或扩容。";
                if (free < failBelow) {
                    log.error("磁盘空间不足：{} 只剩 {}，写入将失败", path, human(free));
                } else {
                    log.warn("磁盘空间即将不足：{} 只剩 {}", path, human(free));
                }
                break;
            }
        }
        if (found == null && warning != null) {
            log.info("磁盘空间已恢复到 {} 以上", human(warnBelow));
        }
        warning = found;
    }

    private Set<Path> watched() {
        Set<Path> paths = new LinkedHashSet<>();
        if (Files.isDirectory(dataDir)) {
            paths.add(dataDir);
        }
        Path cluster = dataDir.resolve("pg");
        try {
            if (Files.exists(cluster)) {
                paths.add(cluster.toRealPath());
            }
        } catch (IOException ignored) {
            // not readable from here: the data folder's figure stands for it
        }
        return paths;
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format("%d MB", bytes >> 20);
    }
}
