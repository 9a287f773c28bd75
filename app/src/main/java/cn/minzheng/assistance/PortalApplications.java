package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import cn.minzheng.shared.PersonName;
import cn.minzheng.shared.RegionLevel;
import cn.minzheng.shared.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 网上申请 on the public portal, the visitor's side (the street's side is {@link PortalInbox}) (no account): a resident gives the minimum to start — name, phone, community, what
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

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Regions regions;
    private final District district;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final PortalThrottle throttle;
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
            PortalThrottle throttle,
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
        this.throttle = throttle;
    }

    /**
     * The portal's write from a visitor (issue 13 A6): refused once the client address, the phone number or the
     * community has had its share of applications in the window, so that a flood of junk cannot bury genuine
     * applications in a street's inbox. The limits are parameters ({@code minzheng.portal.*}).
     */
    public PortalReceipt submit(PortalSubmission in, String clientAddress) {
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
                        if (throttle.count(keys.get(i), windows.get(i), now) >= limits.get(i)) {
                            return true;
                        }
                    }
                    return false;
                }),
                "PORTAL");
        if (blocked) {
            throw new BusinessRuleViolation("提交过于频繁：同一网络地址、同一电话或同一社区在短时间内提交的申请已达上限，请稍后再试，或直接到社区、街道窗口申请");
        }
        PortalReceipt receipt = submit(in);
        SystemActor.run(
                district.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    for (int i = 0; i < keys.size(); i++) {
                        throttle.bump(keys.get(i), windows.get(i), now);
                    }
                }),
                "PORTAL");
        return receipt;
    }

    /** The portal's write, done as the platform in the district's scope (the visitor has no account). */
    public PortalReceipt submit(PortalSubmission in) {
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
                    return new PortalReceipt(receipt, code, now);
                }),
                "PORTAL");
    }

    /**
     * The applicant's own application by receipt number and query code. Refused alike for a wrong pair and for a
     * throttled client, so that guessing teaches nothing.
     */
    public PortalStatus track(String receiptNo, String queryCode, String clientAddress) {
        String receipt = receiptNo == null ? "" : receiptNo.strip().toUpperCase();
        String code = queryCode == null ? "" : queryCode.strip().toUpperCase();
        String address = clientAddress == null ? "unknown" : clientAddress;
        PortalStatus found = SystemActor.call(
                district.scope(),
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    if (throttle.blocked("addr:" + address, ADDRESS_FAILURES, now)
                            || throttle.blocked("receipt:" + receipt, RECEIPT_FAILURES, now)) {
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
                        throttle.fail("addr:" + address, now);
                        throttle.fail("receipt:" + receipt, now);
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

    private PortalStatus status(long id, String receipt, String programme, Instant submitted, String state, Long app) {
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
            return new PortalStatus(receipt, label, submittedOn, "未受理：" + reason, null, null, null);
        }
        if (app == null) {
            return new PortalStatus(receipt, label, submittedOn, "已提交，等待街道联系您核实并受理", null, null, null);
        }
        Application a = jdbc.sql("select * from assistance_application where id = ?")
                .param(app)
                .query((rs, n) -> ApplicationStore.map(rs))
                .single();
        String outcome = a.outcome() == null ? null : outcomeLabel(a.outcome());
        return new PortalStatus(
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
}
