package cn.minzheng.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One Flyway history, one version range per module (docs/adr/0004-one-flyway-history.md): a module's migrations live
 * in its own folder and carry its major version, so two modules never take the same version and the folder says who
 * owns a table. Plain JUnit over the source tree: it runs in milliseconds and needs no database.
 */
class FlywayVersionRangesTest {

    /** The major version of each module; a new module adds its line here and to the ADR's table. */
    static final Map<String, Integer> MAJOR_VERSION_OF_MODULE = Map.ofEntries(
            Map.entry("platform", 1),
            Map.entry("region", 2),
            Map.entry("calendar", 3),
            Map.entry("identity", 4),
            Map.entry("audit", 5),
            Map.entry("resident", 10),
            Map.entry("procedure", 20),
            Map.entry("assistance", 30),
            Map.entry("verification", 40),
            // reserved for the business lines still to come (the ADR's table)
            Map.entry("eldercare", 50),
            Map.entry("marriage", 52),
            Map.entry("enforcement", 54),
            Map.entry("children", 56),
            Map.entry("rescue", 57),
            Map.entry("community", 60),
            Map.entry("boundary", 61),
            Map.entry("lottery", 62),
            Map.entry("regulation", 70),
            Map.entry("disclosure", 71),
            Map.entry("training", 72),
            Map.entry("complaints", 73),
            Map.entry("reporting", 80));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern NAME = Pattern.compile("V(\\d+)_(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void every_migration_sits_in_a_module_folder_and_carries_that_modules_major_version() throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<String, Path> byVersion = new HashMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = MIGRATIONS.relativize(file);
                if (relative.getNameCount() != 2) {
                    wrong.add(relative + ": not in a module's folder (db/migration/<module>/)");
                    continue;
                }
                String module = relative.getName(0).toString();
                Integer major = MAJOR_VERSION_OF_MODULE.get(module);
                Matcher name = NAME.matcher(relative.getFileName().toString());
                if (major == null) {
                    wrong.add(relative + ": folder '" + module + "' has no version range (add it to the ADR and here)");
                } else if (!name.matches()) {
                    wrong.add(relative + ": name is not V<major>_<minor>__<words>.sql");
                } else if (Integer.parseInt(name.group(1)) != major) {
                    wrong.add(relative + ": major version " + name.group(1) + " belongs to another module; " + module
                            + " uses " + major);
                } else {
                    Path earlier = byVersion.put(name.group(1) + "." + Integer.parseInt(name.group(2)), relative);
                    if (earlier != null) {
                        wrong.add(relative + ": same version as " + earlier);
                    }
                }
            }
        }
        assertThat(wrong).as("migrations outside their module's version range").isEmpty();
        assertThat(byVersion).as("migrations found").isNotEmpty();
    }

    @Test
    void no_two_modules_share_a_major_version() {
        assertThat(MAJOR_VERSION_OF_MODULE.values()).doesNotHaveDuplicates();
    }
}
