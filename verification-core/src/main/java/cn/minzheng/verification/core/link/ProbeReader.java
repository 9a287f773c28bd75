package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.cli.CsvTable;
import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.normalize.Dates;
import cn.minzheng.verification.core.normalize.IdNumbers;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Reads and normalises probe.csv (person_id, household_id, id_number, name, gender, birth_date, relation). */
public final class ProbeReader {

    public static final List<String> COLUMNS =
            List.of("person_id", "household_id", "id_number", "name", "gender", "birth_date", "relation");

    private ProbeReader() {}

    public static List<ProbePerson> read(Path file, Charset charset) throws IOException {
        List<String[]> rows = new ArrayList<>();
        CsvTable.read(file, charset, COLUMNS, row -> {
            String[] values = row.values().toArray(new String[0]);
            if (values[0].isBlank()) {
                throw new UserError(file + ": line " + row.line() + " has an empty person_id");
            }
            rows.add(values);
        });
        Map<String, Integer> householdSizes = new HashMap<>();
        for (String[] row : rows) {
            householdSizes.merge(row[1].strip(), 1, Integer::sum);
        }
        // Normalising names and numbers is most of the reading: spread it over the cores, in the file's order.
        ThreadLocal<IdNumbers> parsers = ThreadLocal.withInitial(IdNumbers::new);
        return IntStream.range(0, rows.size())
                .parallel()
                .mapToObj(i -> person(rows.get(i), parsers.get(), householdSizes))
                .toList();
    }

    private static ProbePerson person(String[] row, IdNumbers ids, Map<String, Integer> householdSizes) {
        String household = row[1].strip();
        return ProbePerson.of(
                ids,
                row[0].strip(),
                household,
                row[6].strip(),
                row[2],
                row[3],
                gender(row[4]),
                Dates.parse(row[5].strip()),
                householdSizes.get(household));
    }

    static int gender(String value) {
        return switch (value.strip()) {
            case "M", "m", "男", "1" -> 1;
            case "F", "f", "女", "2" -> 2;
            default -> 0;
        };
    }
}
