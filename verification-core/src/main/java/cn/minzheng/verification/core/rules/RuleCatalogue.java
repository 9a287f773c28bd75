package cn.minzheng.verification.core.rules;

import cn.minzheng.verification.core.cli.UserError;
import cn.minzheng.verification.core.store.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarative rule catalogue (核对规则目录): rules and effective-dated parameters read from a text file, by default
 * the bundled {@code rules.conf}. Blocks start with {@code [RULE_CODE]} or {@code [param NAME]} and hold {@code key =
 * value} lines. The same catalogue drives the DuckDB and the Spark engine.
 */
public final class RuleCatalogue {

    private static final String DEFAULT = "/cn/minzheng/verification/core/rules.conf";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private final List<Rule> rules;
    private final List<Parameter> parameters;

    private RuleCatalogue(List<Rule> rules, List<Parameter> parameters) {
        this.rules = List.copyOf(rules);
        this.parameters = List.copyOf(parameters);
    }

    public static RuleCatalogue bundled() {
        try (InputStream in = RuleCatalogue.class.getResourceAsStream(DEFAULT)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "rules.conf");
        } catch (IOException e) {
            throw new IllegalStateException("bundled rules.conf unreadable", e);
        }
    }

    public static RuleCatalogue from(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("rule catalogue not found: " + file);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The source's own columns that some rule reads (in when, having, evidence or validity). The DuckDB engine links
     * only these, because a hash join reads every projected column of the big side for every row.
     */
    public java.util.List<String> columnsUsed(Source source) {
        java.util.List<String> used = new java.util.ArrayList<>();
        for (cn.minzheng.verification.core.store.Column column : source.ownColumns()) {
            Pattern word = Pattern.compile("\\b" + Pattern.quote(column.name()) + "\\b");
            for (Rule rule : rules) {
                if (rule.source() != source) {
                    continue;
                }
                String text = String.join(
                        " ",
                        rule.when(),
                        String.valueOf(rule.having()),
                        rule.evidence(),
                        String.valueOf(rule.validFrom()),
                        String.valueOf(rule.validTo()));
                if (word.matcher(text).find()) {
                    used.add(column.name());
                    break;
                }
            }
        }
        return used;
    }

    /** Rules in force on the check date. */
    public List<Rule> rulesInForce(LocalDate day) {
        return rules.stream().filter(rule -> rule.inForceOn(day)).toList();
    }

    /** The value of a parameter on a day; a missing version is an error naming the parameter. */
    public String parameter(String name, LocalDate day) {
        return parameters.stream()
                .filter(p -> p.name().equals(name) && p.inForceOn(day))
                .map(Parameter::value)
                .findFirst()
                .orElseThrow(() -> new UserError("rule catalogue: parameter " + name + " has no value on " + day));
    }

    /** Replaces ${NAME} placeholders with the parameter values in force; ${CHECK_DATE} is the check date. */
    public String resolve(String expression, LocalDate day) {
        if (expression == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "CHECK_DATE" -> "DATE '" + day + "'";
                case "CHECK_YEAR" -> String.valueOf(day.getYear());
                case "CHECK_DATE_MINUS_1Y" -> "DATE '" + day.minusYears(1) + "'";
                default -> parameter(name, day);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static RuleCatalogue parse(Reader reader, String origin) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String header = null;
        Map<String, String> block = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line = lines.readLine(); ; line = lines.readLine()) {
            lineNo++;
            String text = line == null ? null : line.strip();
            if (text == null || text.startsWith("[")) {
                if (header != null) {
                    build(header, block, rules, parameters, origin);
                }
                if (text == null) {
                    break;
                }
                if (!text.endsWith("]")) {
                    throw new UserError(origin + ": line " + lineNo + ": block header must end with ]");
                }
                header = text.substring(1, text.length() - 1).strip();
                block = new LinkedHashMap<>();
                continue;
            }
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0 || header == null) {
                throw new UserError(origin + ": line " + lineNo + ": expected key = value inside a [block]");
            }
            block.put(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
        }
        return new RuleCatalogue(rules, parameters);
    }

    private static void build(
            String header, Map<String, String> block, List<Rule> rules, List<Parameter> parameters, String origin) {
        try {
            if (header.startsWith("param ")) {
                String[] range = period(block.getOrDefault("effective", "1900-01-01.."));
                parameters.add(new Parameter(
                        header.substring(6).strip(),
                        required(block, "value", header),
                        LocalDate.parse(range[0]),
                        range[1].isEmpty() ? null : LocalDate.parse(range[1]),
                        block.getOrDefault("basis", "")));
                return;
            }
            String sourceCode = required(block, "source", header);
            Source source = Source.ofCode(sourceCode)
                    .orElseThrow(() -> new UserError(origin + ": [" + header + "] unknown source " + sourceCode));
            String scope = block.getOrDefault("scope", "person");
            String[] range = period(block.getOrDefault("effective", "1900-01-01.."));
            rules.add(new Rule(
                    header,
                    required(block, "title", header),
                    Severity.valueOf(required(block, "severity", header)),
                    source,
                    scope.equals("household"),
                    block.getOrDefault("when", "TRUE"),
                    block.get("having"),
                    block.getOrDefault("evidence", "record_id"),
                    block.get("valid_from"),
                    block.get("valid_to"),
                    required(block, "basis", header),
                    LocalDate.parse(range[0]),
                    range[1].isEmpty() ? null : LocalDate.parse(range[1])));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UserError(origin + ": [" + header + "] " + e.getMessage());
        }
    }

    private static String[] period(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("effective must be FROM..TO or FROM..");
        }
        return new String[] {
            text.substring(0, dots).strip(), text.substring(dots + 2).strip()
        };
    }

    private static String required(Map<String, String> block, String key, String header) {
        String value = block.get(key);
        if (value == null || value.isEmpty()) {
            throw new UserError("rule catalogue: [" + header + "] needs " + key);
        }
        return value;
    }
}
