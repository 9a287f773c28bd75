package cn.minzheng.calendar;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.Csv;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a year's holiday arrangement (CSV {@code date,kind,name}, UTF-8) as published in the State Council's
 * notice. All or nothing: any bad row and nothing is stored, with every bad row named.
 */
@Service
public class CalendarImport {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CalendarImport(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Problem(int row, String field, String reason) {}

    /** What was imported, and rows that were accepted but look odd (a make-up working day on a weekday). */
    public record Result(Set<Integer> years, int days, List<Problem> warnings) {}

    /** Thrown with every problem found; nothing was stored. */
    public static class Rejected extends BusinessRuleViolation {
        private final List<Problem> problems;

        Rejected(List<Problem> problems) {
            super("导入未执行：文件中有 " + problems.size() + " 处错误，请修正后重新导入。");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private record Row(int line, LocalDate date, DayKind kind, String name) {}

    private record Parsed(List<Row> rows, List<Problem> warnings) {}

    /**
     * @param replace whether years already in the calendar may be replaced (a corrected notice); otherwise they are
     *     refused
     */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public Result importCsv(InputStream csv, String source, boolean replace) {
        Parsed parsed = parse(csv);
        List<Row> rows = parsed.rows();
        TreeMap<Integer, List<Row>> byYear = new TreeMap<>();
        rows.forEach(row -> byYear.computeIfAbsent(row.date().getYear(), y -> new ArrayList<>())
                .add(row));
        Set<Integer> existing = new TreeSet<>(
                jdbc.sql("select year from calendar_year").query(Integer.class).list());
        List<Problem> problems = new ArrayList<>();
        for (Integer year : byYear.keySet()) {
            if (existing.contains(year) && !replace) {
                problems.add(new Problem(byYear.get(year).get(0).line(), "date", year + " 年的安排已在日历中；如需更正，请选择“替换已有年度”"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        for (var entry : byYear.entrySet()) {
            int year = entry.getKey();
            jdbc.sql("delete from calendar_day where year = ?").param(year).update();
            jdbc.sql("delete from calendar_year where year = ?").param(year).update();
            jdbc.sql("insert into calendar_year (year, source, imported_by) values (?, ?, ?)")
                    .params(year, source, actor)
                    .update();
            for (Row row : entry.getValue()) {
                jdbc.sql("insert into calendar_day (day, kind, name, year) values (?, ?, ?, ?)")
                        .params(row.date(), row.kind().name(), row.name(), year)
                        .update();
            }
            audit.record(AuditEvent.success("CALENDAR_IMPORTED", "calendar_year", year)
                    .because(source));
        }
        return new Result(byYear.keySet(), rows.size(), parsed.warnings());
    }

    private static Parsed parse(InputStream csv) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Csv.Rows reader = Csv.open(new InputStreamReader(csv, decoder), ',')) {
            Csv.Row header = reader.next();
            if (header == null || !String.join(",", header.fields()).strip().equals("date,kind,name")) {
                throw new Rejected(List.of(new Problem(1, "header", "第一行须为表头 date,kind,name")));
            }
            Set<LocalDate> seen = new HashSet<>();
            for (Csv.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.blank()) {
                    continue;
                }
                parseRow(row.line(), row.fields(), seen, rows, problems, warnings);
            }
        } catch (Csv.Malformed e) {
            problems.add(new Problem(e.line(), "row", e.reason()));
            throw new Rejected(problems);
        } catch (CharacterCodingException e) {
            throw new Rejected(List.of(new Problem(0, "file", "文件不是有效的 UTF-8 编码")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(2, "file", "文件中没有数据行"));
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        return new Parsed(rows, warnings);
    }

    private static void parseRow(
            int number,
            List<String> fields,
            Set<LocalDate> seen,
            List<Row> rows,
            List<Problem> problems,
            List<Problem> warnings) {
        if (fields.size() != 3) {
            problems.add(new Problem(number, "row", "须有3列（date,kind,name），实有 " + fields.size() + " 列"));
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields.get(0).strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(
                    number, "date", "日期须为 YYYY-MM-DD 格式的有效日期：" + fields.get(0).strip()));
            return;
        }
        DayKind kind = switch (fields.get(1).strip()) {
            case "HOLIDAY", "放假" -> DayKind.HOLIDAY;
            case "MAKEUP_WORKDAY", "调休上班", "上班" -> DayKind.MAKEUP_WORKDAY;
            default -> null;
        };
        if (kind == null) {
            problems.add(new Problem(
                    number,
                    "kind",
                    "类型须为 HOLIDAY（放假）或 MAKEUP_WORKDAY（调休上班）：" + fields.get(1).strip()));
            return;
        }
        String name = fields.get(2).strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 20) {
            problems.add(new Problem(number, "name", "节日名称不能为空，且不超过20个字"));
            return;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        if (kind == DayKind.MAKEUP_WORKDAY && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
            // Harmless (a weekday is a working day anyway) but worth a look: was a holiday meant?
            warnings.add(new Problem(number, "kind", date + " 是周一至周五，本就是工作日；标为调休上班不改变计算，请核对是否应为放假"));
        }
        if (!seen.add(date)) {
            problems.add(new Problem(number, "date", date + " 在文件中出现了不止一次"));
            return;
        }
        rows.add(new Row(number, date, kind, name));
    }
}
