package cn.minzheng.demo;

import cn.minzheng.platform.District;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.Residents;
import cn.minzheng.resident.VerificationIdentity;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.ScopedPrincipal;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import cn.minzheng.verification.RequestSummary;
import cn.minzheng.verification.VerificationCentre;
import cn.minzheng.verification.VerificationRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's 家庭经济状况核对: 授权书 for six households of 小寨路街道's first community, a small delivery of
 * eight sources generated for their members (synthetic numbers of the demo residents) among a few hundred made-up
 * strangers, and their requests at every stage — a confirmed finding with its report, an objection re-reviewed by
 * the district, findings waiting for review, a household without findings, and one refused for a missing 授权书 —
 * then a re-verification of whoever receives assistance. Synthetic people only.
 */
@Component
class DemoVerification implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(DemoVerification.class);
    private static final String PURPOSE = "演示数据：生成核对演示数据";
    /** Area codes the demo residents never have: the strangers cannot collide with them. */
    private static final String[] STRANGER_AREAS = {"610114", "610115", "610117"};

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};

    private final Residents residents;
    private final Authorisations authorisations;
    private final VerificationRequests requests;
    private final VerificationCentre centre;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final District district;
    private final Clock clock;

    /**
     * The re-verification of every beneficiary renders a report per household; on the first start it runs on the
     * module's worker so that the login page does not wait for it. Tests run it in the foreground: they copy the
     * database as a template before each test class, which must not happen in the middle of a batch.
     */
    private final boolean batchInBackground;

    DemoVerification(
            Residents residents,
            Authorisations authorisations,
            VerificationRequests requests,
            VerificationCentre centre,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            District district,
            Clock clock,
            @Value("${minzheng.demo.batch-in-background:true}") boolean batchInBackground) {
        this.batchInBackground = batchInBackground;
        this.residents = residents;
        this.authorisations = authorisations;
        this.requests = requests;
        this.centre = centre;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.district = district;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "家庭经济状况核对";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String[] roles() {
        return new String[] {"DEPARTMENT_OFFICER"};
    }

    /** A demo household and the members it counts, with their numbers. */
    private record Family(long id, String householdNo, List<VerificationIdentity> members) {

        VerificationIdentity member(int i) {
            return members.get(Math.min(i, members.size() - 1));
        }
    }

    @Override
    public void build(String size, long seed) {
        LocalDate today = LocalDate.now(clock);
        String street = district.code() + "001";
        String community = street + "001";
        List<Family> families = families(community, today);
        if (families.size() < 6) {
            log.warn("演示核对：{} 中可用的家庭不足 6 户，未生成核对演示数据", community);
            return;
        }
        // the departments' data: a delivery writes the verification store outside the database, so each is made once
        // and a start interrupted after it skips it (the same seed gives the same files)
        long started = System.nanoTime();
        Map<String, String> files = deliveries(families, today, new Random(seed ^ 0x4845444955L));
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (loaded(file.getKey(), file.getValue())) {
                continue;
            }
            long id = centre.deliver(
                    file.getKey(), file.getKey() + ".csv", file.getValue().getBytes(StandardCharsets.UTF_8));
            if (!centre.deliveryStatus(id).equals("LOADED")) {
                throw new IllegalStateException("演示核对数据 " + file.getKey() + " 导入失败");
            }
        }
        long loaded = System.nanoTime();
        String streetOfficer = "jiedao_" + street;
        // letters, requests and their review: one transaction, all or nothing
        transactions.executeWithoutResult(status -> {
            letters(families, today);
            List<RequestSummary> done = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Family f = families.get(i);
                int n = i + 1;
                done.add(as(
                        streetOfficer,
                        street,
                        "STREET_OFFICER",
                        () -> requests.request(
                                new VerificationRequests.HouseholdRequest(f.id(), "DIBAO", "case:demo-" + n))));
            }
            review(done.get(0), done.get(1), streetOfficer, street);
        });
        // the sixth household is refused (a member has not signed): outside the transaction above, so that the
        // refusal's audit entry is kept (rolled back with a savepoint, it was lost); a refusal stores nothing else, so
        // a start interrupted after it and run again only records a second refused attempt
        try {
            as(
                    streetOfficer,
                    street,
                    "STREET_OFFICER",
                    () -> requests.request(new VerificationRequests.HouseholdRequest(
                            families.get(5).id(), "DIBAO", "case:demo-6")));
        } catch (BusinessRuleViolation expected) {
            log.info("演示核对：第 6 户因缺少授权书未予核对（演示）");
        }
        long requested = System.nanoTime();
        Long running = transactions.execute(status -> jdbc.sql("select max(id) from verification_batch")
                .query(Long.class)
                .optional()
                .orElse(null));
        // a batch begun before an interruption goes on by itself at the start (BatchVerifications)
        long batch = running != null
                ? running
                : batchInBackground ? centre.startReverificationOfBeneficiaries() : centre.reverifyBeneficiaries();
        log.info(
                "演示核对：导入 {} 项数据 {} ms，5 户交互核对 {} ms（平均 {} ms/户），在保对象批量复核第 {} 批{}",
                files.size(),
                (loaded - started) / 1_000_000,
                (requested - loaded) / 1_000_000,
                (requested - loaded) / 5_000_000,
                batch,
                batchInBackground ? "已在后台开始" : "已完成");
    }

    /** Not one transaction: its deliveries write the verification store; each part is done once (see build). */
    @Override
    public boolean transactional() {
        return false;
    }

    private void letters(List<Family> families, LocalDate today) {
        for (int i = 0; i < families.size(); i++) {
            List<VerificationIdentity> members = families.get(i).members();
            // the sixth household: one member has not signed yet
            int signers = i == 5 ? members.size() - 1 : members.size();
            for (VerificationIdentity m : members.subList(0, signers)) {
                authorisations.record(new Authorisations.NewAuthorisation(
                        m.residentId(),
                        Set.of(Authorisation.ALL),
                        Authorisation.Signer.SELF,
                        null,
                        today.minusDays(20),
                        null,
                        null,
                        null));
            }
        }
    }

    /** Whether this very file was delivered and loaded already (by a start that was interrupted later). */
    private boolean loaded(String source, String content) {
        String sm3 = cn.minzheng.shared.Sm3.hex(content.getBytes(StandardCharsets.UTF_8));
        return Boolean.TRUE.equals(transactions.execute(status -> jdbc.sql(
                        "select exists (select 1 from verification_delivery where source_code = ? and file_sm3 = ?"
                                + " and status = 'LOADED')")
                .params(source, sm3)
                .query(Boolean.class)
                .single()));
    }

    /** The first households of the community whose counted members all have an identity number. */
    private List<Family> families(String community, LocalDate today) {
        // the demo reads the household ids it generated; people are then read through the resident module
        List<Long> ids = transactions.execute(
                status -> jdbc.sql("select id from household where community_code = ? order by id limit 40")
                        .param(community)
                        .query(Long.class)
                        .list());
        List<Family> families = new ArrayList<>();
        for (long id : ids) {
            if (families.size() == 6) {
                break;
            }
            List<Long> counted = residents.membersForAssistance(id, today).stream()
                    .filter(m -> m.verdict() != HouseholdMembershipPolicy.Verdict.EXCLUDED)
                    .map(HouseholdMembershipPolicy.Decision::residentId)
                    .toList();
            if (counted.size() < 2 || counted.size() > 5) {
                continue;
            }
            // the sixth is the household refused for a missing letter: one that nobody has a letter for yet (the
            // assistance demo's 存量对象 have theirs)
            if (families.size() == 5
                    && counted.stream()
                            .anyMatch(r -> !authorisations.ofResident(r).isEmpty())) {
                continue;
            }
            List<VerificationIdentity> people = residents.identitiesForVerification(counted, PURPOSE);
            if (people.stream().anyMatch(p -> p.idNumber() == null)) {
                continue;
            }
            String number =
                    residents.household(id).map(HouseholdView::householdNo).orElse("");
            families.add(new Family(id, number, people));
        }
        return families;
    }

    /** CSV text per source: the families' records as the plan says, among made-up strangers. */
    private static Map<String, String> deliveries(List<Family> f, LocalDate today, Random random) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        out.put("hukou", new StringBuilder("record_id,id_number,name,gender,birth_date,address_code,household_no\n"));
        out.put(
                "vehicle",
                new StringBuilder(
                        "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n"));
        out.put(
                "real_estate",
                new StringBuilder(
                        "record_id,id_number,name,gender,birth_date,property_type,area_m2,registered_on,ended_on\n"));
        out.put(
                "business",
                new StringBuilder("record_id,id_number,name,gender,birth_date,credit_code,role,entity_type,"
                        + "registered_capital_fen,status,registered_on,deregistered_on\n"));
        out.put(
                "bank_deposit",
                new StringBuilder("record_id,id_number,name,gender,birth_date,bank,balance_fen,as_of\n"));
        out.put("death", new StringBuilder("record_id,id_number,name,gender,birth_date,death_date\n"));
        out.put("pension", new StringBuilder("record_id,id_number,name,gender,birth_date,month,amount_fen\n"));
        out.put(
                "social_insurance",
                new StringBuilder("record_id,id_number,name,gender,birth_date,month,contribution_base_fen,"
                        + "employer_credit_code\n"));
        String month = today.minusMonths(1).withDayOfMonth(1).toString();
        String recent = today.minusMonths(2).toString();
        int n = 0;
        for (Family family : f) {
            for (VerificationIdentity m : family.members()) {
                out.get("hukou")
                        .append(row("hk" + (++n), m))
                        .append(",610113001001,")
                        .append(family.householdNo())
                        .append('\n');
            }
        }
        // 1: the head owns a car in use, a home, and a pension
        out.get("vehicle").append(row("veh-1", f.get(0).member(0))).append(",陕A·D2301,小型轿车,2019-05-01,\n");
        out.get("real_estate").append(row("re-1", f.get(0).member(0))).append(",住宅,89.50,2008-06-01,\n");
        out.get("pension")
                .append(row("pen-1", f.get(0).member(0)))
                .append(',')
                .append(month)
                .append(",186000\n");
        out.get("bank_deposit")
                .append(row("dep-1", f.get(0).member(0)))
                .append(",长安银行,1250000,")
                .append(recent)
                .append('\n');
        // 2: a registered business that is still active; a car sold years ago
        out.get("business")
                .append(row("biz-2", f.get(1).member(1)))
                .append(",92610113MA6W0DEMO1,经营者,个体工商户,5000000,存续,2020-04-01,\n");
        out.get("vehicle").append(row("veh-2", f.get(1).member(1))).append(",陕A·K1187,小型轿车,2012-03-01,2021-01-15\n");
        // 3: two homes; a car recorded without a number (linked by name and birth date, for review)
        out.get("real_estate").append(row("re-3a", f.get(2).member(0))).append(",住宅,76.00,2010-09-01,\n");
        out.get("real_estate").append(row("re-3b", f.get(2).member(1))).append(",住宅,102.30,2021-11-01,\n");
        VerificationIdentity noNumber = f.get(2).member(1);
        out.get("vehicle")
                .append("veh-3,,")
                .append(noNumber.name())
                .append(',')
                .append(gender(noNumber))
                .append(',')
                .append(noNumber.birthDate())
                .append(",陕A·Q5520,小型轿车,2022-02-01,\n");
        // 4: deposits above 24 months of the standard; a member died two months ago
        out.get("bank_deposit")
                .append(row("dep-4a", f.get(3).member(0)))
                .append(",中国工商银行,8000000,")
                .append(recent)
                .append('\n');
        out.get("bank_deposit")
                .append(row("dep-4b", f.get(3).member(1)))
                .append(",中国建设银行,3000000,")
                .append(recent)
                .append('\n');
        out.get("death")
                .append(row("dth-4", f.get(3).member(f.get(3).members().size() - 1)))
                .append(',')
                .append(recent)
                .append('\n');
        // 5: nothing but the registered residence: no finding, the report is issued at once
        // strangers, so that every delivery looks like one
        int[] strangers = {300, 200, 200, 80, 200, 60, 120, 150};
        int s = 0;
        for (Map.Entry<String, StringBuilder> file : out.entrySet()) {
            for (int i = 0; i < strangers[s]; i++) {
                file.getValue()
                        .append(stranger(file.getKey(), i, random, today))
                        .append('\n');
            }
            s++;
        }
        Map<String, String> text = new LinkedHashMap<>();
        out.forEach((code, csv) -> text.put(code, csv.toString()));
        return text;
    }

    private static String row(String recordId, VerificationIdentity m) {
        return recordId + "," + m.idNumber() + "," + m.name() + "," + gender(m) + "," + m.birthDate();
    }

    private static String gender(VerificationIdentity m) {
        return m.gender() == Gender.MALE ? "M" : "F";
    }

    private static String stranger(String source, int i, Random random, LocalDate today) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365));
        boolean male = random.nextBoolean();
        String body = STRANGER_AREAS[random.nextInt(STRANGER_AREAS.length)]
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(500) * 2 + (male ? 1 : 0));
        String number = body + IdNumber.checkCharacter(body);
        String name = SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String common = "x" + source + "-" + i + "," + number + "," + name + "," + (male ? "M" : "F") + "," + birth;
        String month =
                today.minusMonths(1 + random.nextInt(12)).withDayOfMonth(1).toString();
        return common
                + switch (source) {
                    case "hukou" -> ",610114001001,X" + i;
                    case "vehicle" -> ",陕A·" + (10000 + i) + ",小型轿车,201" + random.nextInt(10) + "-05-01,";
                    case "real_estate" ->
                        ",住宅," + (50 + random.nextInt(90)) + ".00,200" + random.nextInt(10) + "-03-01,";
                    case "business" -> ",92610114MA6X" + String.format("%04d", i) + "X,经营者,个体工商户,100000,存续,2018-01-01,";
                    case "bank_deposit" -> ",长安银行," + random.nextInt(5_000_000) + "," + today.minusMonths(1);
                    case "death" -> "," + today.minusMonths(random.nextInt(24));
                    case "pension" -> "," + month + "," + (150000 + random.nextInt(200000));
                    default -> "," + month + "," + (300000 + random.nextInt(600000)) + ",91610114MA6X0000X" + (i % 10);
                };
    }

    /** Household 1: findings confirmed, report issued. Household 2: objection with evidence, re-reviewed. */
    private void review(RequestSummary first, RequestSummary second, String streetOfficer, String street) {
        as(streetOfficer, street, "STREET_OFFICER", () -> {
            for (VerificationCentre.FindingRef finding : centre.findings(first.id())) {
                centre.classify(
                        finding.id(),
                        "CONFIRMED",
                        finding.rule().equals("VEHICLE_OWNED") ? "经入户核实，户主名下小型轿车一辆，日常使用，本人确认（演示）" : "与申请人申报一致（演示）");
            }
            centre.issueReport(first.id());
            for (VerificationCentre.FindingRef finding : centre.findings(second.id())) {
                centre.classify(finding.id(), "NEEDS_EXPLANATION", "登记有存续的个体工商户，请申请人说明经营情况（演示）");
            }
            centre.issueReport(second.id());
            byte[] evidence = PdfDocument.a4("个体工商户注销证明（演示）")
                    .title("个体工商户注销证明（演示）")
                    .paragraph("该个体工商户已于本年度停止经营并办理注销登记。本文件为演示数据。")
                    .render();
            for (VerificationCentre.FindingRef finding : centre.findings(second.id())) {
                centre.object(finding.id(), "申请人称该个体户已停业并注销，提供注销证明（演示）", "注销证明.pdf", evidence);
            }
            return null;
        });
        as("qu_jingban", district.code(), "DEPARTMENT_OFFICER", () -> {
            for (VerificationCentre.FindingRef finding : centre.findings(second.id())) {
                centre.reReview(finding.id(), "FALSE_POSITIVE", "注销证明属实，市场监管数据尚未更新，不作为不利认定依据（演示）");
            }
            return null;
        });
        as(streetOfficer, street, "STREET_OFFICER", () -> centre.issueReport(second.id()));
    }

    /** Acts as a demo staff member (their username, scope and role), so that the records name who did what. */
    private static <T> T as(String username, String scope, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Actor(username, DataScope.of(scope)), null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private record Actor(String username, DataScope dataScope) implements ScopedPrincipal {

        @Override
        public long accountId() {
            return 0;
        }

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public List<String> roleLabels() {
            return List.of();
        }
    }
}
