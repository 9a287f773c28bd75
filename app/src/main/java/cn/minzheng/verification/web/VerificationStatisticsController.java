package cn.minzheng.verification.web;

import cn.minzheng.platform.Display;
import cn.minzheng.platform.web.DataTable;
import cn.minzheng.platform.web.XlsxTables;
import cn.minzheng.verification.VerificationRoles;
import cn.minzheng.verification.VerificationStatistics;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 核对统计: the table by month and street on the page and in Excel, with Chinese headers. */
@Controller
class VerificationStatisticsController {

    private final VerificationStatistics statistics;
    private final Clock clock;

    VerificationStatisticsController(VerificationStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/verification/statistics")
    @PreAuthorize(VerificationRoles.STATISTICS)
    String statistics(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        VerificationStatistics.Report report = report(from, to);
        model.addAttribute("report", report);
        model.addAttribute("table", table(report));
        model.addAttribute("from", report.from().toString());
        model.addAttribute("to", report.to().toString());
        return "verification/statistics";
    }

    @GetMapping("/verification/statistics.xlsx")
    @PreAuthorize(VerificationRoles.STATISTICS)
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        VerificationStatistics.Report report = report(from, to);
        return XlsxTables.download(
                "核对统计" + Display.month(report.from()) + "至" + Display.month(report.to()), List.of(table(report)));
    }

    private VerificationStatistics.Report report(String from, String to) {
        YearMonth now = YearMonth.now(clock);
        return statistics.between(
                VerificationApiController.month(from, now.withMonth(1)), VerificationApiController.month(to, now));
    }

    static DataTable table(VerificationStatistics.Report report) {
        List<DataTable.Row> rows = new ArrayList<>();
        for (VerificationStatistics.Row r : report.rows()) {
            String list = "/verification/requests?status=COMPLETED&area=" + r.streetCode() + "&month=" + r.month();
            rows.add(DataTable.Row.of(
                    DataTable.Cell.text(Display.month(YearMonth.parse(r.month()))),
                    DataTable.Cell.text(r.streetName()),
                    DataTable.Cell.number(String.valueOf(r.requests()), r.requests(), list),
                    count(r.households()),
                    count(r.persons()),
                    count(r.records()),
                    count(r.withFindings())));
        }
        VerificationStatistics.Totals t = report.totals();
        rows.add(new DataTable.Row(
                List.of(
                        DataTable.Cell.text("合计"),
                        DataTable.Cell.text(""),
                        count(t.requests()),
                        DataTable.Cell.text(""),
                        count(t.persons()),
                        count(t.records()),
                        DataTable.Cell.text("")),
                true));
        return new DataTable("核对统计", List.of("月份", "街道", "核对次数", "家庭数", "比对人次", "比对信息（条）", "有疑点的核对"), rows);
    }

    private static DataTable.Cell count(long n) {
        return DataTable.Cell.number(String.valueOf(n), n, null);
    }
}
