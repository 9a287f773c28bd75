package cn.minzheng.calendar;

import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历 screens: a year's months with holidays and make-up days, the deadline calculator, the yearly import. */
@Controller
@RequestMapping("/calendar")
class CalendarController {

    private final WorkingCalendar calendar;
    private final CalendarImport importer;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    CalendarController(WorkingCalendar calendar, CalendarImport importer, JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.calendar = calendar;
        this.importer = importer;
        this.jdbc = jdbc;
    }

    record Cell(LocalDate date, boolean working, String mark, String kind) {}

    record Month(YearMonth month, int leadingBlanks, List<Cell> cells) {}

    @GetMapping
    String year(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) DayType type,
            Model model) {
        List<Integer> known = calendar.knownYears();
        int shown = year != null && known.contains(year) ? year : pickYear(known);
        model.addAttribute("years", known);
        model.addAttribute("year", shown);
        if (known.contains(shown)) {
            Map<LocalDate, String> names = jdbc
                    .sql("select day, name from calendar_day where year = ?")
                    .param(shown)
                    .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<Month> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(shown, m);
                List<Cell> cells = new ArrayList<>();
                for (int d = 1; d <= month.lengthOfMonth(); d++) {
                    LocalDate date = month.atDay(d);
                    boolean working = calendar.isWorkingDay(date);
                    boolean weekend =
                            date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                    String kind =
                            names.containsKey(date) ? (working ? "makeup" : "holiday") : (weekend ? "weekend" : "work");
                    cells.add(new Cell(date, working, names.get(date), kind));
                }
                months.add(new Month(month, month.atDay(1).getDayOfWeek().getValue() - 1, cells));
            }
            model.addAttribute("months", months);
        }
        if (start != null && days != null && type != null) {
            try {
                model.addAttribute("deadline", calendar.deadline(start, days, type));
            } catch (BusinessRuleViolation e) {
                model.addAttribute("deadlineProblem", e.getMessage());
            }
        }
        model.addAttribute("start", start);
        model.addAttribute("days", days);
        model.addAttribute("type", type);
        return "calendar/year";
    }

    @PostMapping("/imports")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String importYear(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean replace,
            @RequestParam(required = false) String source,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "请选择要导入的 CSV 文件");
            return "redirect:/calendar";
        }
        try {
            String documentedSource = source == null || source.isBlank() ? file.getOriginalFilename() : source.strip();
            CalendarImport.Result result = importer.importCsv(file.getInputStream(), documentedSource, replace);
            redirect.addFlashAttribute("notice", "已导入 " + result.years() + " 年的安排，共 " + result.days() + " 个特殊日期");
            if (!result.warnings().isEmpty()) {
                redirect.addFlashAttribute("problems", result.warnings());
            }
        } catch (CalendarImport.Rejected e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/calendar";
    }

    private int pickYear(List<Integer> known) {
        int current = LocalDate.now(clock).getYear();
        if (known.contains(current) || known.isEmpty()) {
            return current;
        }
        return known.get(known.size() - 1);
    }
}
