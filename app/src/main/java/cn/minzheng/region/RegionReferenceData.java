package cn.minzheng.region;

import cn.minzheng.platform.Csv;
import cn.minzheng.platform.District;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.shared.RegionLevel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start, establishes the district and its streets from {@code region/yanta-streets.csv} (code, name,
 * in_bureau_network_2023), through the same change service staff use. Communities come from the bureau's own data (or
 * the demo district); their codes are not published in the reference data.
 */
@Component
@Order(10)
@ServingPlatform
class RegionReferenceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionReferenceData.class);

    private final RegionChanges changes;
    private final Regions regions;
    private final District district;
    private final TransactionTemplate transactions;
    private final LocalDate baseline;

    RegionReferenceData(
            RegionChanges changes,
            Regions regions,
            District district,
            TransactionTemplate transactions,
            @Value("${minzheng.region.baseline}") LocalDate baseline) {
        this.changes = changes;
        this.regions = regions;
        this.district = district;
        this.transactions = transactions;
        this.baseline = baseline;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(district.scope(), this::loadIfEmpty, "SYSTEM_ADMIN");
    }

    void loadIfEmpty() {
        if (!regions.history(district.code()).isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            RegionChanges.Basis basis = new RegionChanges.Basis("统计用区划代码", "首次启动时载入的参考数据");
            changes.establish(district.code(), district.name(), null, baseline, true, null, basis);
            int streets = 0;
            try (Csv.Rows reader = Csv.open(
                    new InputStreamReader(
                            new ClassPathResource("region/yanta-streets.csv").getInputStream(), StandardCharsets.UTF_8),
                    ',')) {
                Csv.Row header = reader.next();
                if (header == null
                        || !header.field(0).equals("code")
                        || !header.field(1).equals("name")) {
                    throw new IllegalStateException("region/yanta-streets.csv: unexpected header " + header);
                }
                for (Csv.Row row = reader.next(); row != null; row = reader.next()) {
                    if (row.blank()) {
                        continue;
                    }
                    changes.establish(
                            row.field(0).trim(),
                            row.field(1).trim(),
                            district.code(),
                            baseline,
                            Boolean.parseBoolean(row.field(2).trim()),
                            null,
                            basis);
                    streets++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("已载入区划参考数据：{} 个街道", streets);
        });
        assert regions.count(RegionLevel.STREET, baseline) > 0;
    }
}
