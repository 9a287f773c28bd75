package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.resident.ResidentFiles;
import cn.minzheng.resident.Residents;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.Sm3;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 银行代发文件. The file for an approved roll is made once and kept (encrypted, it holds account numbers): every later
 * download returns the same bytes. Making it is deterministic too — items in id order, no time stamps — so the same
 * roll and payees always give the same file. Failed payments that were re-issued go out in separate 补发 batches, each
 * re-issued item in exactly one batch.
 *
 * <p>Format (GB18030 text, CRLF line ends, fields separated by {@code |}):
 *
 * <pre>
 * H|MZPAY|1|&lt;programme&gt;|&lt;YYYYMM&gt;|&lt;roll id&gt;|&lt;batch&gt;|&lt;sequence&gt;|&lt;items&gt;|&lt;total fen&gt;
 * D|&lt;line no&gt;|&lt;item id&gt;|&lt;payee name&gt;|&lt;bank&gt;|&lt;account&gt;|&lt;amount fen&gt;|&lt;community code&gt;
 * T|&lt;items&gt;|&lt;total fen&gt;|&lt;SM3 of the H and D lines, hex&gt;
 * </pre>
 *
 * The bank answers with a return file that {@link BankReturns} reconciles by item id.
 */
@Service
public class BankFiles {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final String PURPOSE = "assistance.bank_file";

    private final JdbcClient jdbc;
    private final Residents residents;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    BankFiles(JdbcClient jdbc, Residents residents, FieldCipher cipher, AuditTrail audit) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.cipher = cipher;
        this.audit = audit;
    }

    public record BankFile(String fileName, byte[] content, String sm3, int items, long totalFen) {}

    record Item(long id, String subjectType, long subjectId, String communityCode, long amountFen) {}

    /** The roll's file for the bank: made on the first call, the same bytes on every later one. */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public BankFile original(long rollId) {
        PaymentRolls.Roll roll = roll(rollId);
        if (!roll.state().equals("APPROVED")) {
            throw new BusinessRuleViolation("名册审核通过后才能生成银行代发文件");
        }
        var kept = jdbc.sql(
                        "select content, sm3, item_count, total_fen from payment_bank_file where roll_id = ? and batch = 'ORIGINAL'")
                .param(rollId)
                .query((rs, n) -> new BankFile(
                        fileName(roll, "ORIGINAL", 1),
                        open(rs.getBytes(1)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getLong(4)))
                .optional();
        if (kept.isPresent()) {
            audit.record(AuditEvent.success("BANK_FILE_EXPORTED", "payment_roll", rollId)
                    .because("again " + kept.get().sm3()));
            return kept.get();
        }
        List<Item> items = jdbc.sql("""
                        select id, subject_type, subject_id, community_code, amount_fen from payment_item
                        where roll_id = ? and reissue_of is null order by id
                        """)
                .param(rollId)
                .query((rs, n) ->
                        new Item(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)))
                .list();
        BankFile file = render(roll, "ORIGINAL", 1, items);
        store(roll, "ORIGINAL", 1, file, items);
        return file;
    }

    /** A 补发 batch of the re-issued items not yet sent; each goes out once. */
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    @Transactional
    public BankFile reissues(long rollId) {
        PaymentRolls.Roll roll = roll(rollId);
        List<Item> items = jdbc.sql("""
                        select id, subject_type, subject_id, community_code, amount_fen from payment_item
                        where roll_id = ? and reissue_of is not null and bank_file_id is null and state = 'PENDING'
                        order by id
                        """)
                .param(rollId)
                .query((rs, n) ->
                        new Item(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)))
                .list();
        if (items.isEmpty()) {
            throw new BusinessRuleViolation("没有待发送的补发明细");
        }
        int sequence = jdbc.sql(
                        "select coalesce(max(sequence), 0) + 1 from payment_bank_file where roll_id = ? and batch = 'REISSUE'")
                .param(rollId)
                .query(Integer.class)
                .single();
        BankFile file = render(roll, "REISSUE", sequence, items);
        store(roll, "REISSUE", sequence, file, items);
        return file;
    }

    private BankFile render(PaymentRolls.Roll roll, String batch, int sequence, List<Item> items) {
        Map<Long, ResidentFiles.Payee> payees = payeesOf(items, roll.id());
        List<String> missing = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        long total = items.stream().mapToLong(Item::amountFen).sum();
        String period = roll.period().toString().replace("-", "");
        body.append(String.join(
                        "|",
                        "H",
                        "MZPAY",
                        "1",
                        roll.programme(),
                        period,
                        Long.toString(roll.id()),
                        batch,
                        Integer.toString(sequence),
                        Integer.toString(items.size()),
                        Long.toString(total)))
                .append("\r\n");
        int line = 0;
        for (Item item : items) {
            ResidentFiles.Payee payee = payees.get(item.id());
            if (payee == null || payee.bankAccount() == null) {
                missing.add(Long.toString(item.id()));
                continue;
            }
            body.append(String.join(
                            "|",
                            "D",
                            Integer.toString(++line),
                            Long.toString(item.id()),
                            clean(payee.name()),
                            clean(payee.bankName()),
                            payee.bankAccount(),
                            Long.toString(item.amountFen()),
                            item.communityCode()))
                    .append("\r\n");
        }
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolation("有 " + missing.size() + " 条明细的领款人没有登记银行账户（明细编号 "
                    + missing.stream().limit(20).collect(Collectors.joining("、")) + (missing.size() > 20 ? " 等" : "")
                    + "），请先在居民档案中登记后再生成代发文件");
        }
        byte[] content = body.toString().getBytes(GB18030);
        String digest = Sm3.hex(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 100);
        out.writeBytes(content);
        out.writeBytes(("T|" + items.size() + "|" + total + "|" + digest + "\r\n").getBytes(GB18030));
        byte[] file = out.toByteArray();
        return new BankFile(fileName(roll, batch, sequence), file, Sm3.hex(file), items.size(), total);
    }

    /** Item → payee: the household's head for household programmes, the person for personal ones. */
    private Map<Long, ResidentFiles.Payee> payeesOf(List<Item> items, long rollId) {
        Set<Long> households = items.stream()
                .filter(i -> i.subjectType().equals("HOUSEHOLD"))
                .map(Item::subjectId)
                .collect(Collectors.toSet());
        Map<Long, Long> heads = households.isEmpty() ? Map.of() : residents.heads(households);
        Map<Long, Long> residentOfItem = new LinkedHashMap<>();
        for (Item item : items) {
            Long resident = item.subjectType().equals("HOUSEHOLD")
                    ? heads.get(item.subjectId())
                    : Long.valueOf(item.subjectId());
            if (resident != null) {
                residentOfItem.put(item.id(), resident);
            }
        }
        Map<Long, ResidentFiles.Payee> byResident =
                residents.payees(Set.copyOf(residentOfItem.values()), "银行代发文件，名册 " + rollId);
        Map<Long, ResidentFiles.Payee> byItem = new LinkedHashMap<>();
        residentOfItem.forEach((item, resident) -> {
            ResidentFiles.Payee payee = byResident.get(resident);
            if (payee != null) {
                byItem.put(item, payee);
            }
        });
        return byItem;
    }

    private void store(PaymentRolls.Roll roll, String batch, int sequence, BankFile file, List<Item> items) {
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        long id = jdbc.sql("""
                        insert into payment_bank_file (roll_id, batch, sequence, item_count, total_fen, sm3, content, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        roll.id(),
                        batch,
                        sequence,
                        file.items(),
                        file.totalFen(),
                        file.sm3(),
                        seal(file.content()),
                        actor)
                .query(Long.class)
                .single();
        jdbc.sql("update payment_item set bank_file_id = ? where id = any(?)")
                .params(id, items.stream().map(Item::id).toArray(Long[]::new))
                .update();
        if (batch.equals("ORIGINAL")) {
            jdbc.sql("update payment_roll set bank_file_sm3 = ? where id = ?")
                    .params(file.sm3(), roll.id())
                    .update();
        }
        audit.record(AuditEvent.success("BANK_FILE_EXPORTED", "payment_roll", roll.id())
                .because(batch + " " + sequence + " items=" + file.items() + " sm3=" + file.sm3()));
    }

    private PaymentRolls.Roll roll(long rollId) {
        return jdbc.sql("select * from payment_roll where id = ?")
                .param(rollId)
                .query((rs, n) -> PaymentRolls.map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("发放名册 " + rollId + " 不存在"));
    }

    private byte[] seal(byte[] content) {
        return cipher.encrypt(Base64.getEncoder().encodeToString(content), PURPOSE);
    }

    private byte[] open(byte[] sealed) {
        return Base64.getDecoder().decode(cipher.decrypt(sealed, PURPOSE));
    }

    private static String fileName(PaymentRolls.Roll roll, String batch, int sequence) {
        return "MZPAY_" + roll.programme() + "_" + roll.period().toString().replace("-", "") + "_" + roll.id() + "_"
                + batch + "_" + sequence + ".txt";
    }

    /** A separator or line break inside a name would break the file's structure. */
    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[|\\r\\n]", " ");
    }
}
