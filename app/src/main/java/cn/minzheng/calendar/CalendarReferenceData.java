package cn.minzheng.calendar;

import cn.minzheng.platform.District;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** On first start, imports the bundled 2019–2026 arrangements through the administrators' importer. */
@Component
@Order(11)
@ServingPlatform
class CalendarReferenceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarReferenceData.class);

    private final CalendarImport importer;
    private final WorkingCalendar calendar;
    private final District district;

    CalendarReferenceData(CalendarImport importer, WorkingCalendar calendar, District district) {
        this.importer = importer;
        this.calendar = calendar;
        this.district = district;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!calendar.knownYears().isEmpty()) {
            return;
        }
        SystemActor.run(
                district.scope(),
                () -> {
                    try (InputStream in = new ClassPathResource("calendar/holidays-cn.csv").getInputStream()) {
                        CalendarImport.Result result = importer.importCsv(in, "国务院办公厅节假日安排通知（2019–2026，随平台发布）", false);
                        log.info("已载入工作日历：{} 年，{} 个特殊日期", result.years(), result.days());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "SYSTEM_ADMIN");
    }
}
