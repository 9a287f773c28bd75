package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * <p>Format (UTF-8, header line): {@code item_id,result,amount_fen,reason} with result {@code PAID} or {@code FAILED}.
 */
@Service
public class BankReturns {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    BankReturns(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
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

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public Report reconcile(long rollId, InputStream file) {
        List<Line> lines = parse(file);
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
                        "金额不符：名册 " + item.get().amountFen() + " 分，回盘 " + line.amountFen() + " 分"));
                continue;
            }
            if (!item.get().state().equals("PENDING")) {
                settled.add(new Problem(
                        line.number(), line.itemText(), "该明细已处理（" + item.get().state() + "），未重复处理"));
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

    private static List<Line> parse(InputStream file) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file, decoder))) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().startsWith("item_id,result,amount_fen")) {
                throw new BusinessRuleViolation("回盘文件第1行须为表头 item_id,result,amount_fen,reason");
            }
            String text;
            int number = 1;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.split(",", 4);
                if (f.length < 3) {
                    problems.add("第" + number + "行：列数不足");
                    continue;
                }
                String result = switch (f[1].strip()) {
                    case "PAID", "成功" -> "PAID";
                    case "FAILED", "失败" -> "FAILED";
                    default -> null;
                };
                try {
                    long id = Long.parseLong(f[0].strip());
                    long amount = Long.parseLong(f[2].strip());
                    if (result == null) {
                        problems.add("第" + number + "行：结果须为 PAID 或 FAILED");
                    } else {
                        lines.add(
                                new Line(number, f[0].strip(), id, result, amount, f.length > 3 ? f[3].strip() : null));
                    }
                } catch (NumberFormatException e) {
                    problems.add("第" + number + "行：明细编号和金额（分）须为整数");
                }
            }
        } catch (CharacterCodingException e) {
            throw new BusinessRuleViolation("回盘文件不是有效的 UTF-8 编码");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation("回盘文件有格式错误，未做任何处理：" + String.join("；", problems));
        }
        return lines;
    }
}
