package cn.minzheng.verification;

import cn.minzheng.platform.District;
import cn.minzheng.platform.SystemActor;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.core.normalize.IdNumbers;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Synthetic households with valid (made-up) identity numbers, their 授权书, and deliveries loaded synchronously into
 * the real DuckDB store — the arrangements the verification tests share.
 */
@Component
class VerificationFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private final BulkRegistration registration;
    private final Authorisations authorisations;
    private final Deliveries deliveries;
    private final District district;
    private final TestDistrict testDistrict;
    private final JdbcTemplate jdbc;
    private final VerificationSettings settings;

    VerificationFixture(
            BulkRegistration registration,
            Authorisations authorisations,
            Deliveries deliveries,
            District district,
            TestDistrict testDistrict,
            JdbcTemplate jdbc,
            VerificationSettings settings) {
        this.registration = registration;
        this.authorisations = authorisations;
        this.deliveries = deliveries;
        this.district = district;
        this.testDistrict = testDistrict;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The newest deliveries' ids, newest first. */
    List<Long> deliveriesList() {
        return deliveries.list(null, 10).stream().map(Deliveries.Delivery::id).toList();
    }

    /** Empties the incoming folder, as if the platform had stopped between a delivery's check and its load. */
    Void clearIncoming() {
        try (var files = java.nio.file.Files.list(settings.incoming())) {
            for (var file : files.toList()) {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }

    record Person(String name, Gender gender, LocalDate birth, Relationship relationship) {}

    record Member(long residentId, String name, Gender gender, LocalDate birth, String idNumber) {

        String csv() {
            return idNumber + "," + name + "," + (gender == Gender.MALE ? "M" : "F") + "," + birth;
        }
    }

    record Family(long householdId, String householdNo, String community, List<Member> members) {

        Member head() {
            return members.get(0);
        }

        Member member(int i) {
            return members.get(i);
        }
    }

    /** 王建国 (head, 1970), 李秀英 (spouse, 1972), 王子涵 (child, 2010). */
    Family threePeople(String community) {
        return family(
                community,
                new Person("王建国", Gender.MALE, LocalDate.of(1970, 3, 1), Relationship.HEAD),
                new Person("李秀英", Gender.FEMALE, LocalDate.of(1972, 5, 1), Relationship.SPOUSE),
                new Person("王子涵", Gender.MALE, LocalDate.of(2010, 7, 1), Relationship.CHILD));
    }

    Family family(String community, Person... people) {
        testDistrict.ensure();
        String householdNo = "VF" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
        List<BulkRegistration.Person> persons = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Person p : people) {
            String number = idNumber(p.birth(), p.gender());
            numbers.add(number);
            persons.add(new BulkRegistration.Person(
                    p.name(),
                    p.gender(),
                    p.birth(),
                    IdDocumentType.RESIDENT_ID_CARD,
                    number,
                    "610113",
                    null,
                    p.relationship(),
                    List.of()));
        }
        asDistrict(
                () -> registration.register(List.of(
                        new BulkRegistration.Household(householdNo, community, LocalDate.of(2000, 1, 1), persons))),
                "DEPARTMENT_OFFICER");
        long household = TestPostgresSql.queryForObject(
                jdbc,
                "select id from household where household_no = ? and community_code = ?",
                Long.class,
                householdNo,
                community);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            long resident = TestPostgresSql.queryForObject(
                    jdbc,
                    "select m.resident_id from household_member m join resident r on r.id = m.resident_id"
                            + " where m.household_id = ? and r.name = ?",
                    Long.class,
                    household,
                    people[i].name());
            members.add(new Member(resident, people[i].name(), people[i].gender(), people[i].birth(), numbers.get(i)));
        }
        return new Family(household, householdNo, community, members);
    }

    /** A unique synthetic number for the birth date and sex: 610113 + date + sequence (odd for men) + check. */
    static String idNumber(LocalDate birth, Gender gender) {
        int sequence = SEQUENCE.incrementAndGet() % 500 * 2 + (gender == Gender.MALE ? 1 : 0);
        String body = "610113" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return body + IdNumbers.checkCharacter(body);
    }

    void authorise(Family family, String programme, Member... who) {
        for (Member m : who) {
            asDistrict(
                    () -> authorisations.record(new Authorisations.NewAuthorisation(
                            m.residentId(),
                            Set.of(programme),
                            Authorisation.Signer.SELF,
                            null,
                            LocalDate.now().minusDays(10),
                            null,
                            null,
                            null)),
                    "DEPARTMENT_OFFICER");
        }
    }

    void authoriseAll(Family family) {
        authorise(family, "ALL", family.members().toArray(Member[]::new));
    }

    /** Receives and loads a delivery synchronously; returns its id. */
    long deliver(String source, String fileName, byte[] content, String encoding) {
        long id = asDistrict(
                () -> deliveries.receive(source, fileName, new ByteArrayInputStream(content), encoding),
                "DEPARTMENT_OFFICER");
        asDistrict(
                () -> {
                    deliveries.load(id);
                    return null;
                },
                "DEPARTMENT_OFFICER");
        return id;
    }

    long deliver(String source, String csv) {
        return deliver(source, source + ".csv", csv.getBytes(StandardCharsets.UTF_8), null);
    }

    long deliver(String source, String csv, Charset charset, String encoding) {
        return deliver(source, source + ".csv", csv.getBytes(charset), encoding);
    }

    <T> T asDistrict(Supplier<T> work, String... roles) {
        return SystemActor.call(district.scope(), work, roles);
    }

    <T> T asStreet(Supplier<T> work) {
        return SystemActor.call(DataScope.of(TestDistrict.STREET), work, "STREET_OFFICER");
    }

    <T> T asOtherStreet(Supplier<T> work) {
        return SystemActor.call(DataScope.of(TestDistrict.OTHER_STREET), work, "STREET_OFFICER");
    }

    static final String VEHICLE_HEADER =
            "record_id,id_number,name,gender,birth_date,plate,vehicle_type,registered_on,deregistered_on\n";
    static final String DEPOSIT_HEADER = "record_id,id_number,name,gender,birth_date,bank,balance_fen,as_of\n";

    /** Vehicles: the head's car (in force), the spouse's sold car, a stranger's car, and a car of the spouse without a number. */
    static String vehicles(Family f) {
        return VEHICLE_HEADER
                + "v-car," + f.head().csv() + ",陕A10001,小型汽车,2015-01-01,\n"
                + "v-sold," + f.member(1).csv() + ",陕A10002,小型汽车,2012-01-01,2020-01-01\n"
                + "v-stranger,610113198001010015,赵大明,M,1980-01-01,陕A10003,小型汽车,2015-01-01,\n"
                + "v-noid,," + f.member(1).name() + ",F," + f.member(1).birth() + ",陕A10004,小型汽车,2019-01-01,\n";
    }

    /** Deposits of 50 000 + 20 000 yuan: above 24 months × 830 yuan × 3 persons = 59 760 yuan. */
    static String deposits(Family f) {
        return DEPOSIT_HEADER
                + "b-head," + f.head().csv() + ",某银行,5000000,2025-06-01\n"
                + "b-spouse," + f.member(1).csv() + ",某银行,2000000,2025-06-01\n";
    }
}
