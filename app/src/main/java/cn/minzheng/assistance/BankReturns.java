package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.Csv;
import cn.minzheng.platform.Display;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciles the bank's return file with a roll, line by line: each line must name an item of the roll exactly once
 * with the amount sent. Unknown items, duplicate lines and amount differences are reported and never applied; an item
 * already settled is not settled again, so the same file can be uploaded twice without effect.
 *
 * <p>The file is read in the paying bank's own format, declared as data ({@link BankFormats}); the platform's own format
 * (UTF-8, header line, {@code item_id,result,amount_fen,reason}) is one of them.
 */
@Service
public class BankReturns {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BankFormats formats;
    private final Clock clock;

    BankReturns(JdbcClient jdbc, AuditTrail audit, BankFormats formats, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.formats = formats;
        this.clock = clock;
    }

    public record Problem(int line, String itemId, String reason) {}

    public record Report(
            int lines,
            int paid,
            int failed,
            long paidFen,
            long failedFen,
            List<Problem> unknown,
            List<Problem> duplicates,
            List<Problem> mismatched,
            List<Problem> alreadySettled) {

        public int applied() {
            return paid + failed;
        }
    }

    private record Line(int number, String itemText, long itemId, String result, long amountFen, String reason) {}

    /** Reconciles a return file in the platform's own format (UTF-8 CSV, amounts in fen). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Report reconcile(long rollId, InputStream file) {
        return reconcile(rollId, file, "PLATFORM_CSV");
    }

    /** Reconciles a return file as the paying bank writes it, read by that bank's declared format. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Report reconcile(long rollId, InputStream file, String formatCode) {
        List<Line> lines = parse(file, formats.get(formatCode));
        Map<Long, Integer> occurrences = new HashMap<>();
        lines.forEach(l -> occurrences.merge(l.itemId(), 1, Integer::sum));
        List<Problem> unknown = new ArrayList<>();
        List<Problem> duplicates = new ArrayList<>();
        List<Problem> mismatched = new ArrayList<>();
        List<Problem> settled = new ArrayList<>();
        int paid = 0;
        int failed = 0;
        long paidFen = 0;
        long failedFen = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Line line : lines) {
            if (occurrences.get(line.itemId()) > 1) {
                duplicates.add(new Problem(
                        line.number(), line.itemText(), "同一明细在回盘文件中出现 " + occurrences.get(line.itemId()) + " 次，均未处理"));
                continue;
            }
            record Item(long amountFen, String state) {}
            var item = jdbc.sql("select amount_fen, state from payment_item where id = ? and roll_id = ?")
                    .params(line.itemId(), rollId)
                    .query(Item.class)
                    .optional();
            if (item.isEmpty()) {
                unknown.add(new Problem(line.number(), line.itemText(), "本名册中没有这条明细"));
                continue;
            }
            if (item.get().amountFen() != line.amountFen()) {
                mismatched.add(new Problem(
                        line.number(),
                        line.itemText(),
                        "金额不符：名册 " + Display.yuan(item.get().amountFen()) + "，回盘 " + Display.yuan(line.amountFen())));
                continue;
            }
            if (!item.get().state().equals("PENDING")) {
                settled.add(new Problem(
                        line.number(),
                        line.itemText(),
                        "该明细已" + (item.get().state().equals("PAID") ? "确认发放" : "处理") + "，未重复处理"));
                continue;
            }
            jdbc.sql(
                            "update payment_item set state = ?, failure_reason = ?, settled_at = ? where id = ? and state = 'PENDING'")
                    .params(line.result(), line.result().equals("FAILED") ? line.reason() : null, now, line.itemId())
                    .update();
            if (line.result().equals("PAID")) {
                paid++;
                paidFen += line.amountFen();
            } else {
                failed++;
                failedFen += line.amountFen();
            }
        }
        Report report =
                new Report(lines.size(), paid, failed, paidFen, failedFen, unknown, duplicates, mismatched, settled);
        audit.record(AuditEvent.success("PAYMENT_RETURN_RECONCILED", "payment_roll", rollId)
                .because("paid=" + paid + " failed=" + failed + " unknown=" + unknown.size() + " duplicate="
                        + duplicates.size() + " mismatched=" + mismatched.size()));
        return report;
    }

    /** The file as the bank wrote it, read by the bank's declared format; any bad line refuses the whole file. */
    private static List<Line> parse(InputStream file, BankFormats.Format format) {
        var decoder = format.encoding()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (format.delimiter().length() != 1) {
            throw new IllegalStateException("bank format " + format.code() + ": the delimiter must be one character");
        }
        try (Csv.Rows reader = Csv.open(
                new InputStreamReader(file, decoder), format.delimiter().charAt(0))) {
            for (Csv.Row record = reader.next(); record != null; record = reader.next()) {
                int number = record.line();
                // the line as written, for the format's "skip lines starting with" (a trailer such as T|…)
                final String row = String.join(format.delimiter(), record.fields());
                if (number <= format.headerLines()
                        || record.blank()
                        || format.skipLinesStartingWith().stream().anyMatch(row::startsWith)) {
                    continue;
                }
                String[] f = record.fields().toArray(String[]::new);
                int needed = Math.max(format.itemColumn(), Math.max(format.amountColumn(), format.resultColumn()));
                if (f.length < needed) {
                    problems.add("第" + number + "行：只有 " + f.length + " 列，应至少有 " + needed + " 列");
                    continue;
                }
                String item = f[format.itemColumn() - 1].strip();
                String resultText = f[format.resultColumn() - 1].strip();
                String result = format.paid().contains(resultText)
                        ? "PAID"
                        : format.failed().contains(resultText) ? "FAILED" : null;
                String reason = format.reasonColumn() > 0 && f.length >= format.reasonColumn()
                        ? f[format.reasonColumn() - 1].strip()
                        : "";
                if (result == null) {
                    problems.add("第" + number + "行：结果“" + resultText + "”不是该银行格式约定的成功或失败");
                    continue;
                }
                try {
                    long id = Long.parseLong(item);
                    String amountText = f[format.amountColumn() - 1].strip().replace(",", "");
                    long amount = format.amountInYuan()
                            ? new java.math.BigDecimal(amountText)
                                    .movePointRight(2)
                                    .longValueExact()
                            : Long.parseLong(amountText);
                    lines.add(new Line(
                            number,
                            item,
                            id,
                            result,
                            amount,
                            reason.isEmpty() ? (result.equals("FAILED") ? resultText : null) : reason));
                } catch (NumberFormatException | ArithmeticException e) {
                    problems.add("第" + number + "行：明细编号须为整数，金额须为" + (format.amountInYuan() ? "最多两位小数的元金额" : "以分计的整数"));
                }
            }
        } catch (Csv.Malformed e) {
            problems.add("第" + e.line() + "行：" + e.reason());
        } catch (CharacterCodingException e) {
            throw new BusinessRuleViolation(
                    "回盘文件不是“" + format.name() + "”约定的 " + format.encoding().name() + " 编码，请确认选择的银行格式是否正确");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation("回盘文件有格式错误，未做任何处理：" + String.join("；", problems));
        }
        return lines;
    }
}
