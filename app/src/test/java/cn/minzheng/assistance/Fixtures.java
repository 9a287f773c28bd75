package cn.minzheng.assistance;

import cn.minzheng.procedure.Cases;
import cn.minzheng.resident.BulkRegistration;
import cn.minzheng.resident.Relationship;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.test.As;
import cn.minzheng.test.TestPostgresSql;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/** Explicit builders for the tests' households and cases: synthetic people, no shared mystery fixture. */
final class Fixtures {

    static final String COMMUNITY = "610113001001";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Fixtures() {}

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static Applications.Material material(String kind) {
        return new Applications.Material(kind, kind.toLowerCase() + ".pdf", pdf(kind));
    }

    static List<Applications.Material> materials(String... kinds) {
        List<Applications.Material> out = new ArrayList<>();
        for (String kind : kinds) {
            out.add(material(kind));
        }
        return out;
    }

    static Cases.Act act(LocalDate on, String... participants) {
        return new Cases.Act(on, null, "补录：测试中按实际办理日期登记", List.of(participants));
    }

    record Member(
            String name,
            Gender gender,
            LocalDate born,
            Relationship relationship,
            List<BulkRegistration.Status> statuses) {
        static Member of(String name, Gender gender, String born, Relationship relationship) {
            return new Member(name, gender, LocalDate.parse(born), relationship, List.of());
        }

        Member with(BulkRegistration.Status status) {
            List<BulkRegistration.Status> all = new ArrayList<>(statuses);
            all.add(status);
            return new Member(name, gender, born, relationship, all);
        }
    }

    /** Registers a household in the community (as the street) and returns its id and its members' ids in order. */
    static long[] household(BulkRegistration registration, JdbcTemplate jdbc, String community, Member... members) {
        // as household numbers are displayed (H00002): unique across runs on one database
        String number =
                String.format("H%09d%04d", System.nanoTime() % 1_000_000_000L, SERIAL.incrementAndGet() % 10_000);
        List<BulkRegistration.Person> people = new ArrayList<>();
        for (Member m : members) {
            people.add(new BulkRegistration.Person(
                    m.name(),
                    m.gender(),
                    m.born(),
                    IdDocumentType.NONE,
                    null,
                    null,
                    null,
                    m.relationship(),
                    m.statuses()));
        }
        (community.startsWith("610113001") ? As.street() : As.otherStreet())
                .call(() -> registration.register(
                        List.of(new BulkRegistration.Household(number, community, LocalDate.of(2010, 1, 1), people))));
        long household = TestPostgresSql.queryForObject(
                jdbc, "select id from household where household_no = ?", Long.class, number);
        long[] ids = new long[members.length + 1];
        ids[0] = household;
        for (int i = 0; i < members.length; i++) {
            ids[i + 1] = TestPostgresSql.queryForObject(
                    jdbc,
                    "select r.id from resident r join household_member m on m.resident_id = r.id"
                            + " where m.household_id = ? and r.name = ?",
                    Long.class,
                    household,
                    members[i].name());
        }
        return ids;
    }

    /** Every listed person signs the authorisation for the programme, on the day. */
    static void authorise(Authorisations authorisations, LocalDate on, String programme, long... residents) {
        authorise(As.street(), authorisations, on, programme, residents);
    }

    static void authorise(As who, Authorisations authorisations, LocalDate on, String programme, long... residents) {
        for (long resident : residents) {
            who.call(() -> authorisations.record(new Authorisations.NewAuthorisation(
                    resident, Set.of(programme), Authorisation.Signer.SELF, null, on, null, null, null)));
        }
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder out = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            out.append(extractor.getTextFromPage(page)).append('\n');
        }
        return out.toString();
    }
}
