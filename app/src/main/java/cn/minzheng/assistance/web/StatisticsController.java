package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceStatistics;
import cn.minzheng.platform.Display;
import cn.minzheng.platform.Labels;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.platform.web.DataTable;
import cn.minzheng.platform.web.Pivot;
import cn.minzheng.platform.web.XlsxTables;
import cn.minzheng.resident.Residents;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * 救助统计: spending and caseload by month, programme and street as charts; a pivot whose rows and columns the person
 * chooses, with subtotals; every figure leads to the paid items it sums; every table exports to Excel with its Chinese
 * headers. Figures are what was actually paid (reconciled with the bank), in the viewer's scope.
 */
@Controller
@PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER')")
class StatisticsController {

    private static final int PAGE = 50;

    private final AssistanceStatistics statistics;
    private final Labels labels;
    private final ScopeNames regions;
    private final Residents residents;
    private final JsonMapper json;
    private final Clock clock;

    StatisticsController(
            AssistanceStatistics statistics,
            Labels labels,
            ScopeNames regions,
            Residents residents,
            JsonMapper json,
            Clock clock) {
        this.statistics = statistics;
        this.labels = labels;
        this.regions = regions;
        this.residents = residents;
        this.json = json;
        this.clock = clock;
    }

    private Map<String, Pivot.Dimension> dimensions() {
        Map<String, Pivot.Dimension> d = new LinkedHashMap<>();
        d.put("programme", new Pivot.Dimension("programme", "项目", c -> labels.label("payment-programme", c)));
        d.put(
                "month",
                new Pivot.Dimension(
                        "month", "月份", c -> c.isBlank() ? "—" : Display.month(java.time.YearMonth.parse(c))));
        d.put("street", new Pivot.Dimension("street", "街道", regions::nameOf));
        d.put("level", new Pivot.Dimension("level", "档次", c -> c.isBlank() ? "（不分档次）" : labels.label("level", c)));
        return d;
    }

    private static final Map<String, Pivot.Measure> MEASURES = Map.of(
            "paid", new Pivot.Measure("paid", "发放金额（元）", true),
            "cases", new Pivot.Measure("cases", "户（人）次", false));

    private record View(
            AssistanceStatistics.Year year,
            List<Pivot.Fact> facts,
            Pivot.Dimension rows,
            Pivot.Dimension columns,
            Pivot.Measure measure) {}

    private View view(Integer year, String rows, String columns, String measure) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        AssistanceStatistics.Year stats = statistics.of(shown);
        List<Pivot.Fact> facts = stats.rows().stream()
                .map(r -> new Pivot.Fact(
                        Map.of(
                                "programme",
                                r.programme(),
                                "month",
                                r.month(),
                                "street",
                                r.street(),
                                "level",
                                r.level()),
                        Map.of("paid", r.paidFen(), "cases", r.cases())))
                .toList();
        Map<String, Pivot.Dimension> d = dimensions();
        Pivot.Dimension r = rows == null ? d.get("street") : d.getOrDefault(rows, d.get("street"));
        Pivot.Dimension c = columns == null ? d.get("programme") : d.getOrDefault(columns, d.get("programme"));
        if (r.key().equals(c.key())) {
            c = r.key().equals("programme") ? d.get("month") : d.get("programme");
        }
        return new View(
                stats,
                facts,
                r,
                c,
                measure == null ? MEASURES.get("paid") : MEASURES.getOrDefault(measure, MEASURES.get("paid")));
    }

    @GetMapping("/assistance/statistics")
    String dashboard(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String rows,
            @RequestParam(required = false) String columns,
            @RequestParam(required = false) String measure,
            Model model) {
        View v = view(year, rows, columns, measure);
        model.addAttribute("stats", v.year());
        model.addAttribute("dimensions", dimensions().values());
        model.addAttribute("rows", v.rows().key());
        model.addAttribute("columns", v.columns().key());
        model.addAttribute("measure", v.measure().key());
        model.addAttribute("pivot", pivot(v));
        model.addAttribute("byMonth", chart(v, "month", "各月发放金额（元）", "paid"));
        model.addAttribute("byProgramme", chart(v, "programme", "各项目户（人）次", "cases"));
        model.addAttribute("byStreet", chart(v, "street", "各街道发放金额（元）", "paid"));
        return "assistance/statistics";
    }

    @GetMapping("/assistance/statistics.xlsx")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String rows,
            @RequestParam(required = false) String columns,
            @RequestParam(required = false) String measure) {
        View v = view(year, rows, columns, measure);
        Map<String, Pivot.Dimension> d = dimensions();
        List<DataTable> tables = new ArrayList<>();
        tables.add(pivot(v));
        tables.add(Pivot.table(
                "按月份和项目（元）", v.facts(), d.get("month"), d.get("programme"), MEASURES.get("paid"), (r, c) -> null));
        tables.add(Pivot.table(
                "按街道和项目（户人次）", v.facts(), d.get("street"), d.get("programme"), MEASURES.get("cases"), (r, c) -> null));
        return XlsxTables.download(v.year().year() + "年救助统计", tables);
    }

    private DataTable pivot(View v) {
        String title = v.year().year() + "年" + v.measure().label() + "：按"
                + v.rows().label() + "和" + v.columns().label();
        return Pivot.table(title, v.facts(), v.rows(), v.columns(), v.measure(), (r, c) -> {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/assistance/statistics/items")
                    .queryParam("year", v.year().year());
            if (r != null) {
                link.queryParam(v.rows().key(), r);
            }
            if (c != null) {
                link.queryParam(v.columns().key(), c);
            }
            return link.encode().build().toUriString();
        });
    }

    /** A chart's data for the page's script (static/js/charts.js): labels and one series, in words. */
    private String chart(View v, String dimension, String title, String measure) {
        Map<String, Long> sums = Pivot.sum(v.facts(), dimension, measure);
        Pivot.Dimension d = dimensions().get(dimension);
        List<String> names = sums.keySet().stream().map(d.show()).toList();
        List<Object> values = sums.values().stream()
                .map(x -> measure.equals("paid")
                        ? (Object) java.math.BigDecimal.valueOf(x).movePointLeft(2)
                        : (Object) x)
                .toList();
        List<String> links = sums.keySet().stream()
                .map(k -> UriComponentsBuilder.fromPath("/assistance/statistics/items")
                        .queryParam("year", v.year().year())
                        .queryParam(dimension, k)
                        .encode()
                        .build()
                        .toUriString())
                .toList();
        return json.writeValueAsString(Map.of(
                "title",
                title,
                "kind",
                dimension.equals("month") ? "line" : "bar",
                "labels",
                names,
                "values",
                values,
                "links",
                links));
    }

    /** The paid items behind a figure. */
    @GetMapping("/assistance/statistics/items")
    String items(
            @RequestParam int year,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String street,
            @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AssistanceStatistics.Items items =
                statistics.items(year, blank(programme), blank(month), blank(street), level, page, PAGE);
        model.addAttribute("table", itemsTable(year, items, programme, month, street, level));
        model.addAttribute("items", items);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (int) Math.max(1, (items.total() + PAGE - 1) / PAGE));
        model.addAttribute("year", year);
        return "assistance/statistics-items";
    }

    @GetMapping("/assistance/statistics/items.xlsx")
    ResponseEntity<byte[]> itemsExport(
            @RequestParam int year,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String street,
            @RequestParam(required = false) String level) {
        AssistanceStatistics.Items items =
                statistics.items(year, blank(programme), blank(month), blank(street), level, 0, 100_000);
        return XlsxTables.download(year + "年救助发放明细", List.of(itemsTable(year, items, programme, month, street, level)));
    }

    private DataTable itemsTable(
            int year, AssistanceStatistics.Items items, String programme, String month, String street, String level) {
        List<Long> households = items.items().stream()
                .filter(i -> i.subjectType().equals("HOUSEHOLD"))
                .map(AssistanceStatistics.PaidItem::subjectId)
                .distinct()
                .toList();
        Map<Long, String> numbers = residents.householdNumbers(households);
        Map<Long, Long> heads = households.isEmpty() ? Map.of() : residents.heads(households);
        List<Long> people = new ArrayList<>(heads.values());
        items.items().stream().filter(i -> i.subjectType().equals("PERSON")).forEach(i -> people.add(i.subjectId()));
        Map<Long, String> names = residents.names(people);
        List<DataTable.Row> rows = new ArrayList<>();
        for (AssistanceStatistics.PaidItem i : items.items()) {
            boolean household = i.subjectType().equals("HOUSEHOLD");
            Long person = household ? heads.get(i.subjectId()) : i.subjectId();
            rows.add(DataTable.Row.of(
                    DataTable.Cell.text(Display.month(java.time.YearMonth.parse(i.month()))),
                    DataTable.Cell.text(labels.label("payment-programme", i.programme())),
                    DataTable.Cell.text(person == null ? "—" : names.getOrDefault(person, "—")),
                    DataTable.Cell.text(household ? numbers.getOrDefault(i.subjectId(), "—") : "（个人）"),
                    DataTable.Cell.text(regions.nameOf(i.communityCode())),
                    DataTable.Cell.text(i.level().isBlank() ? "—" : labels.label("level", i.level())),
                    DataTable.Cell.number(
                            Display.amount(i.amountFen()),
                            java.math.BigDecimal.valueOf(i.amountFen()).movePointLeft(2),
                            null)));
        }
        String title =
                year + "年" + (month == null || month.isBlank() ? "" : Display.month(java.time.YearMonth.parse(month)))
                        + (programme == null || programme.isBlank() ? "" : labels.label("payment-programme", programme))
                        + (street == null || street.isBlank() ? "" : regions.nameOf(street))
                        + "已发放明细（共 " + items.total() + " 笔，" + Display.yuan(items.sumFen()) + "）";
        return new DataTable(title, List.of("月份", "项目", "领取人", "家庭", "社区", "档次", "金额（元）"), rows);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
