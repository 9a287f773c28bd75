package cn.minzheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module reads and writes only its own tables: another module's data comes through that module's API (a facade or
 * an event), never by SQL. Who owns a table is said by the Flyway folder that creates it
 * ({@code db/migration/<module>/}); the SQL of a module is what its main sources write in string literals and text
 * blocks after FROM, JOIN, INTO, UPDATE, TABLE or REFERENCES. Plain JUnit, no Spring context: it reads files.
 */
class ModuleTablesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/cn/minzheng");

    /**
     * Known reads of another module's table, as "module/Class → table". Each is to be replaced by a call through the
     * owning module's API; whoever lands that fix removes the line (and the test fails until they do, so the list
     * cannot go stale). A class that moves to another module or file shows up under its new name: list it there only
     * if it still has to read the table.
     */
    private static final Set<String> KNOWN = Set.of(
            // refk removes this when EvidencePackages asks the audit module's API for a case's entries (issue 15)
            "procedure/EvidencePackages → audit_entry");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_USE =
            Pattern.compile("(?i)\\b(?:from|join|into|update|table|references)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void noModuleNamesAnotherModulesTable() {
        Map<String, String> owners = owners();
        assertThat(owners).as("tables found in the Flyway folders").hasSizeGreaterThan(50);

        Set<String> found = crossModuleUses(owners);

        assertThat(found)
                .as("SQL naming another module's table (use the owning module's API instead)")
                .isSubsetOf(KNOWN);
        assertThat(KNOWN)
                .as("listed exceptions that no longer occur: remove them from KNOWN")
                .isSubsetOf(found);
    }

    @Test
    void theScanSeesSqlInStringsAndTextBlocksOnly() {
        String source = """
                class Example {
                    // selects from resident in prose is not SQL
                    String a = "select * from audit_entry where x = 1";
                    String b = \"""
                            insert into
                              assistance_status (a) values (?)
                            \""";
                }
                """;
        assertThat(tablesNamedIn(source)).containsExactlyInAnyOrder("audit_entry", "assistance_status");
    }

    /** Table → the module whose Flyway folder creates it. */
    static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> folders = Files.list(MIGRATIONS)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String module = folder.getFileName().toString();
                try (Stream<Path> scripts = Files.list(folder)) {
                    for (Path script :
                            scripts.filter(p -> p.toString().endsWith(".sql")).toList()) {
                        Matcher m = CREATE_TABLE.matcher(Files.readString(script));
                        while (m.find()) {
                            String previous = owners.put(m.group(1).toLowerCase(), module);
                            assertThat(previous == null || previous.equals(module))
                                    .as("table " + m.group(1) + " created in two modules' folders")
                                    .isTrue();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** "module/Class → table" for every main source naming a table of another module. */
    private static Set<String> crossModuleUses(Map<String, String> owners) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class itself belongs to no module
                }
                String module = relative.getName(0).toString();
                String type = file.getFileName().toString().replace(".java", "");
                for (String table : tablesNamedIn(Files.readString(file))) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        found.add(module + "/" + type + " → " + table);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The names after FROM, JOIN, INTO, UPDATE, TABLE or REFERENCES inside string literals and text blocks. */
    static Set<String> tablesNamedIn(String source) {
        Set<String> names = new TreeSet<>();
        StringBuilder rest = new StringBuilder();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        int last = 0;
        while (blocks.find()) {
            collect(blocks.group(1), names);
            rest.append(source, last, blocks.start());
            last = blocks.end();
        }
        rest.append(source.substring(last));
        Matcher strings = STRING.matcher(rest);
        while (strings.find()) {
            collect(strings.group(1), names);
        }
        return names;
    }

    private static void collect(String sql, Set<String> names) {
        Matcher m = TABLE_USE.matcher(sql);
        while (m.find()) {
            names.add(m.group(1).toLowerCase());
        }
    }
}
