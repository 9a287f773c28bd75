package cn.minzheng.calendar;

import cn.minzheng.platform.web.ApiError;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {

    private final WorkingCalendar calendar;
    private final CalendarImport importer;
    private final JdbcClient jdbc;

    CalendarApiController(WorkingCalendar calendar, CalendarImport importer, JdbcClient jdbc) {
        this.calendar = calendar;
        this.importer = importer;
        this.jdbc = jdbc;
    }

    /** {@code start} + {@code days} working or calendar days → {"deadline": "YYYY-MM-DD"}; 422 when refused. */
    @GetMapping("/deadline")
    Map<String, String> deadline(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam int days,
            @RequestParam DayType type) {
        if (days < 0 || days > 3650) {
            throw new IllegalArgumentException("days out of range");
        }
        return Map.of("deadline", calendar.deadline(start, days, type).toString());
    }

    record Year(int year, String source, String importedBy, String importedAt) {}

    @GetMapping("/years")
    List<Year> years() {
        return jdbc.sql("select year, source, imported_by, imported_at::text from calendar_year order by year")
                .query((rs, n) -> new Year(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    record Day(LocalDate date, String kind, String name) {}

    @GetMapping("/years/{year}")
    List<Day> days(@PathVariable int year) {
        return jdbc.sql("select day, kind, name from calendar_day where year = ? order by day")
                .param(year)
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    @PostMapping("/imports")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    CalendarImport.Result importYear(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean replace,
            @RequestParam(required = false) String source)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new cn.minzheng.shared.BusinessRuleViolation("请上传节假日安排的 CSV 文件（表头 date,kind,name）");
        }
        String documentedSource = source == null || source.isBlank() ? file.getOriginalFilename() : source.strip();
        return importer.importCsv(file.getInputStream(), documentedSource, replace);
    }

    @ExceptionHandler(CalendarImport.Rejected.class)
    ResponseEntity<ApiError> rejected(CalendarImport.Rejected e) {
        List<ApiError.FieldProblem> problems = e.problems().stream()
                .map(p -> new ApiError.FieldProblem("第" + p.row() + "行 " + p.field(), p.reason()))
                .toList();
        return ResponseEntity.unprocessableContent()
                .body(new ApiError(422, "Unprocessable Content", e.getMessage(), null, problems));
    }
}
