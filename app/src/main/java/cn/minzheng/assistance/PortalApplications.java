package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.PersonName;
import cn.minzheng.shared.RegionLevel;
import cn.minzheng.shared.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 网上申请 on the public portal (no account): a resident gives the minimum to start — name, phone, community, what
 * they apply for, household size, the situation — and receives a receipt number and a query code (shown once; only a
 * hash of it is kept). With both they follow their own application: its stage and, once decided, the outcome — never
 * anyone else's, and nothing beyond that. Wrong guesses are throttled per client address and per receipt number, and a
 * throttled query gets the same answer whether or not the pair is right. The street takes the application up at its
 * window (受理登记), where the household is identified and the kernel case opened.
 */
@Service
public class PortalApplications {

    static final String PHONE_PURPOSE = "assistance_portal_application.phone";
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    /** Without 0/O, 1/I/L: a code read out over the phone is not misheard. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    static final int ADDRESS_FAILURES = 10;
    static final int RECEIPT_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Regions regions;
    private final District district;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final SubmissionLimits limits;
    private final SecureRandom random = new SecureRandom();

    /** How many applications one address, one phone number and one community may send in their windows. */
    record SubmissionLimits(
            int perAddress,
            Duration addressWindow,
            int perPhone,
            Duration phoneWindow,
            int perCommunity,
            Duration communityWindow) {}

    private SubmissionLimits limits() {
        return limits;
    }

    PortalApplications(
            JdbcClient jdbc,
            FieldCipher cipher,
            Regions regions,
            District district,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            @Value("${minzheng.portal.submissions-per-address:5}") int perAddress,
            @Value("${minzheng.portal.address-window:PT1H}") Duration addressWindow,
            @Value("${minzheng.portal.submissions-per-phone:3}") int perPhone,
            @Value("${minzheng.portal.phone-window:P1D}") Duration phoneWindow,
            @Value("${minzheng.portal.submissions-per-community:20}") int perCommunity,
            @Value("${minzheng.portal.community-window:PT1H}") Duration communityWindow) {
        this.limits =
                new SubmissionLimits(perAddress, addressWindow, perPhone, phoneWindow, perCommunity, communityWindow);
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.regions = regions;
        this.district = district;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public record Submission(
            String programme,
            String communityCode,
            String name,
            String phone,
            Integer householdSize,
            String situation,
            boolean consent) {}

    /** Shown to the applicant once; the query code is not stored and cannot be shown again. */
    public record Receipt(String receiptNo, String queryCode, Instant submittedAt) {}

    /** What the applicant sees: the stage of their own application and, once decided, the outcome. */
    public record PublicStatus(
            String receiptNo,
            String programmeLabel,
            LocalDate submittedOn,
            String stage,
            String caseNumber,
            String outcome,
            LocalDate closedOn) {}

    /**
     * The portal's write from a visitor (issue 13 A6): refused once the client address, the phone number or the
     * community has had its share of applications in the window, so that a flood of junk cannot bury genuine
     * applications in a street's inbox. The limits are parameters ({@code minzheng.portal.*}).
     */
    public Receipt submit(Submission in, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        String phone = in.phone() == null ? "" : in.phone().replace(" ", "").strip();
        String community = in.communityCode() == null ? "" : in.communityCode().strip();
        List<String> keys = List.of(
                "submit-addr:" + address,
                "submit-phone:" + Sm3.hex(phone.getBytes(StandardCharsets.UTF_8)),
                "submit-community:" + community);
        List<Integer> limits = List.of(limits().perAddress(), limits().perPhone(), limits().perCommunity());
        List<Duration> windows = List.of(limits().addressWindow(), limits().phoneWindow(), limits().communityWindow());
        boolean blocked = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    for (int i = 0; i < keys.size(); i++) {
                        if (count(keys.get(i), windows.get(i), now) >= limits.get(i)) {
                            return true;
                        }
                    }
                    return false;
                }),
                "PORTAL");
        if (blocked) {
            throw new BusinessRuleViolation("提交过于频繁：同一网络地址、同一电话或同一社区在短时间内提交的申请已达上限，请稍后再试，或直接到社区、街道窗口申请");
        }
        Receipt receipt = submit(in);
        SystemActor.run(
                district.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    for (int i = 0; i < keys.size(); i++) {
                        bump(keys.get(i), windows.get(i), now);
                    }
                }),
                "PORTAL");
        return receipt;
    }

    /** The portal's write, done as the platform in the district's scope (the visitor has no account). */
    public Receipt submit(Submission in) {
        String programme = in.programme() == null ? "" : in.programme();
        if (!List.of("DIBAO", "TEKUN", "TEMPORARY").contains(programme)) {
            throw new BusinessRuleViolation("请选择申请的救助：最低生活保障、特困人员救助供养或临时救助");
        }
        if (!in.consent()) {
            throw new BusinessRuleViolation("请阅读并同意：所填信息仅用于办理本次申请，工作人员将与您联系核实");
        }
        PersonName.Check checked = PersonName.check(in.name() == null ? "" : in.name());
        if (!checked.valid()) {
            throw new BusinessRuleViolation("请填写申请人姓名（与身份证一致）：" + checked.problem());
        }
        String name = checked.name().value();
        String phone = in.phone() == null ? "" : in.phone().replace(" ", "").strip();
        if (!PHONE.matcher(phone).matches()) {
            throw new BusinessRuleViolation("请填写手机号码或带区号的固定电话，以便工作人员联系您");
        }
        if (in.householdSize() == null || in.householdSize() < 1 || in.householdSize() > 20) {
            throw new BusinessRuleViolation("家庭人数须在 1 至 20 人之间");
        }
        String situation = in.situation() == null ? "" : in.situation().strip();
        if (situation.length() < 4 || situation.length() > 1000) {
            throw new BusinessRuleViolation("请简要说明家庭困难情况（4 至 1000 字），不必填写身份证号等信息");
        }
        String community = in.communityCode() == null ? "" : in.communityCode().strip();
        if (!community.matches("[0-9]{12}")
                || !community.startsWith(district.code())
                || regions.find(community, LocalDate.now(clock))
                        .filter(u -> u.level() == RegionLevel.COMMUNITY)
                        .isEmpty()) {
            throw new BusinessRuleViolation("请选择居住的社区");
        }
        Instant now = clock.instant();
        String code = code(8);
        return SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    String receipt = receiptNumber(now);
                    long id = jdbc.sql("""
                                    insert into assistance_portal_application (receipt_no, query_code_hash,
                                        community_code, programme, applicant_name, phone_cipher, phone_masked,
                                        household_size, situation, submitted_at, state)
                                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED') returning id
                                    """)
                            .params(
                                    receipt,
                                    hash(receipt, code),
                                    community,
                                    programme,
                                    name,
                                    cipher.encrypt(phone, PHONE_PURPOSE),
                                    EmergencyTeam.mask(phone),
                                    in.householdSize(),
                                    situation,
                                    Timestamp.from(now))
                            .query(Long.class)
                            .single();
                    audit.record(
                            AuditEvent.success("PORTAL_APPLICATION_SUBMITTED", "assistance_portal_application", id));
                    return new Receipt(receipt, code, now);
                }),
                "PORTAL");
    }

    /**
     * The applicant's own application by receipt number and query code. Refused alike for a wrong pair and for a
     * throttled client, so that guessing teaches nothing.
     */
    public PublicStatus track(String receiptNo, String queryCode, String clientAddress) {
        String receipt = receiptNo == null ? "" : receiptNo.strip().toUpperCase();
        String code = queryCode == null ? "" : queryCode.strip().toUpperCase();
        String address = clientAddress == null ? "unknown" : clientAddress;
        PublicStatus found = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    if (blocked("addr:" + address, ADDRESS_FAILURES, now)
                            || blocked("receipt:" + receipt, RECEIPT_FAILURES, now)) {
                        throw new NotFound("受理编号或查询码不正确，或查询过于频繁，请稍后再试");
                    }
                    record Row(long id, String hash, String programme, Instant submitted, String state, Long app) {}
                    Optional<Row> row = jdbc.sql("""
                                    select id, query_code_hash, programme, submitted_at, state, application_id
                                    from assistance_portal_application where receipt_no = ?
                                    """)
                            .param(receipt)
                            .query((rs, n) -> new Row(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getString(5),
                                    (Long) rs.getObject(6)))
                            .optional();
                    boolean match = row.isPresent()
                            && MessageDigest.isEqual(
                                    row.get().hash().getBytes(StandardCharsets.US_ASCII),
                                    hash(receipt, code).getBytes(StandardCharsets.US_ASCII));
                    if (!match) {
                        fail("addr:" + address, now);
                        fail("receipt:" + receipt, now);
                        return null;
                    }
                    return status(
                            row.get().id(),
                            receipt,
                            row.get().programme(),
                            row.get().submitted(),
                            row.get().state(),
                            row.get().app());
                }),
                "PORTAL");
        if (found == null) {
            throw new NotFound("受理编号或查询码不正确，或查询过于频繁，请稍后再试");
        }
        return found;
    }

    private PublicStatus status(long id, String receipt, String programme, Instant submitted, String state, Long app) {
        LocalDate submittedOn = submitted.atZone(clock.getZone()).toLocalDate();
        String label = switch (programme) {
            case "DIBAO" -> "最低生活保障";
            case "TEKUN" -> "特困人员救助供养";
            default -> "临时救助";
        };
        if ("DECLINED".equals(state)) {
            String reason = jdbc.sql("select decline_reason from assistance_portal_application where id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            return new PublicStatus(receipt, label, submittedOn, "未受理：" + reason, null, null, null);
        }
        if (app == null) {
            return new PublicStatus(receipt, label, submittedOn, "已提交，等待街道联系您核实并受理", null, null, null);
        }
        Application a = jdbc.sql("select * from assistance_application where id = ?")
                .param(app)
                .query((rs, n) -> ApplicationStore.map(rs))
                .single();
        String outcome = a.outcome() == null ? null : outcomeLabel(a.outcome());
        return new PublicStatus(
                receipt,
                label,
                submittedOn,
                Investigations.stateLabel(a.state()),
                a.caseNumber(),
                outcome,
                a.closedOn());
    }

    static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "APPROVE" -> "予以救助（详见送达的决定书）";
            case "REJECT" -> "不予救助（详见送达的决定书，含理由和救济途径）";
            default -> outcome;
        };
    }

    // --- the street's side ----------------------------------------------------------------------------------------

    public record Waiting(
            long id,
            String receiptNo,
            String communityCode,
            String programme,
            String applicantName,
            String maskedPhone,
            int householdSize,
            String situation,
            Instant submittedAt,
            String state,
            Long applicationId) {}

    /** One page of the inbox, and how many there are in all. */
    public record Inbox(List<Waiting> items, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** The street's inbox, newest first, a page at a time: nothing is out of reach behind newer posts. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public Inbox inbox(boolean all, int page, int size) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        int pageSize = Math.min(Math.max(1, size), 500);
        int pageNo = Math.max(0, page);
        long total = jdbc.sql("""
                        select count(*) from assistance_portal_application where starts_with(community_code, ?)
                          and (? or state = 'SUBMITTED')
                        """).params(scope.code(), all).query(Long.class).single();
        List<Waiting> items = jdbc.sql("""
                        select * from assistance_portal_application where starts_with(community_code, ?)
                          and (? or state = 'SUBMITTED')
                        order by submitted_at desc, id desc limit ? offset ?
                        """)
                .params(scope.code(), all, pageSize, (long) pageNo * pageSize)
                .query((rs, n) -> waiting(rs))
                .list();
        return new Inbox(items, total, pageNo, pageSize);
    }

    /** The first page of the inbox (100). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public List<Waiting> waiting(boolean all) {
        return inbox(all, 0, 100).items();
    }

    private static Waiting waiting(ResultSet rs) throws SQLException {
        return new Waiting(
                rs.getLong("id"),
                rs.getString("receipt_no"),
                rs.getString("community_code"),
                rs.getString("programme"),
                rs.getString("applicant_name"),
                rs.getString("phone_masked"),
                rs.getInt("household_size"),
                rs.getString("situation"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("state"),
                (Long) rs.getObject("application_id"));
    }

    /** One application by its id, however many came after it. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public Waiting get(long id) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return jdbc.sql("select * from assistance_portal_application where id = ? and starts_with(community_code, ?)")
                .params(id, scope.code())
                .query((rs, n) -> waiting(rs))
                .optional()
                .orElseThrow(() -> new NotFound("网上申请不存在，或不在您的数据范围内"));
    }

    /** The phone to call the applicant back; every reading is in the audit trail. */
    @PreAuthorize("hasAnyRole('STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public String phone(long id) {
        byte[] sealed = jdbc.sql("select phone_cipher from assistance_portal_application where id = ?")
                .param(id)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new NotFound("网上申请不存在，或不在您的数据范围内"));
        audit.record(AuditEvent.success("PORTAL_PHONE_REVEALED", "assistance_portal_application", id));
        return EmergencyTeam.decrypt(cipher, sealed, PHONE_PURPOSE);
    }

    @PreAuthorize("hasRole('STREET_OFFICER')")
    @Transactional
    public Waiting decline(long id, String reason) {
        get(id);
        if (reason == null || reason.strip().length() < 4) {
            throw new BusinessRuleViolation("请写明不予受理的理由（申请人查询时可见），如：经联系核实，申请人已撤回");
        }
        int changed = jdbc.sql("""
                        update assistance_portal_application
                        set state = 'DECLINED', decline_reason = ?, handled_by = ?, handled_at = ?
                        where id = ? and state = 'SUBMITTED'
                        """)
                .params(reason.strip(), actor(), Timestamp.from(clock.instant()), id)
                .update();
        if (changed == 0) {
            throw new BusinessRuleViolation("该网上申请已处理，或不在您的数据范围内");
        }
        audit.record(AuditEvent.success("PORTAL_APPLICATION_DECLINED", "assistance_portal_application", id));
        return get(id);
    }

    /** Called by the intake when the street takes the application up (in the intake's transaction). */
    void accepted(long portalId, long applicationId) {
        int changed = jdbc.sql("""
                        update assistance_portal_application
                        set state = 'ACCEPTED', application_id = ?, handled_by = ?, handled_at = ?
                        where id = ? and state = 'SUBMITTED'
                        """)
                .params(applicationId, actor(), Timestamp.from(clock.instant()), portalId)
                .update();
        if (changed == 0) {
            throw new BusinessRuleViolation("该网上申请已处理，或不在您的数据范围内");
        }
    }

    // --- internals ----------------------------------------------------------------------------------------------

    private boolean blocked(String key, int limit, Instant now) {
        return count(key, WINDOW, now) >= limit;
    }

    private void fail(String key, Instant now) {
        bump(key, WINDOW, now);
    }

    /** How often the key was counted in the window that is still open. */
    private int count(String key, Duration window, Instant now) {
        return jdbc.sql("select failures from assistance_portal_throttle where key = ? and window_start > ?")
                .params(key.length() > 200 ? key.substring(0, 200) : key, Timestamp.from(now.minus(window)))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private void bump(String key, Duration window, Instant now) {
        jdbc.sql("""
                        insert into assistance_portal_throttle (key, window_start, failures) values (:key, :now, 1)
                        on conflict (key) do update set
                            failures = case when assistance_portal_throttle.window_start > :windowStart
                                            then assistance_portal_throttle.failures + 1 else 1 end,
                            window_start = case when assistance_portal_throttle.window_start > :windowStart
                                                then assistance_portal_throttle.window_start else :now end
                        """)
                .param("key", key.length() > 200 ? key.substring(0, 200) : key)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(window)))
                .update();
    }

    private String receiptNumber(Instant now) {
        String day = DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(clock.getZone()));
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = "WS" + day + String.format("%06d", random.nextInt(1_000_000));
            long used = jdbc.sql("select count(*) from assistance_portal_application where receipt_no = ?")
                    .param(candidate)
                    .query(Long.class)
                    .single();
            if (used == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free receipt number");
    }

    private String code(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return out.toString();
    }

    /** SM3 over the receipt number and the code: a code is only ever compared with its own receipt's hash. */
    static String hash(String receipt, String code) {
        return Sm3.hex((receipt + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
