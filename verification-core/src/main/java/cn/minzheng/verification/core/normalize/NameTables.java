package cn.minzheng.verification.core.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The character tables behind name normalisation, read once from resources: traditional (and compatibility) forms →
 * simplified, and the tone-less pinyin syllable of each Han character, both from {@code name-chars.tsv}, which the
 * build writes from ICU4J's transforms ({@link NameTableBuild}: every Han character of the Basic Multilingual Plane, no
 * hand list). Lookups are array indexed because the loader calls them for every character of every name.
 *
 * <p>{@code name-syllables.txt} is the data generator's vocabulary (the characters its names are drawn from, grouped
 * by sound); {@link #homophones} regroups it by the table's syllables, so that the homophone variants the generator
 * writes are homophones by the same reading the key uses.
 */
public final class NameTables {

    private static final String BASE = "/cn/minzheng/verification/core/";
    private static final NameTables INSTANCE = new NameTables();

    private final char[] simplified = new char[65536];
    private final String[] syllableOf = new String[65536];
    private final char[] traditionalOf = new char[65536];
    private final Map<String, List<Character>> charactersBySyllable = new LinkedHashMap<>();
    private final String keyVersion;

    private NameTables() {
        Map<String, String> syllables = new java.util.HashMap<>();
        List<String> table = lines("name-chars.tsv");
        // the name keys depend on the table, and so on the ICU version it was written from
        keyVersion = "2 (" + table.size() + " characters)";
        for (String line : table) {
            String[] parts = line.split("\t");
            char c = parts[0].charAt(0);
            if (!parts[1].equals("-")) {
                simplified[c] = parts[1].charAt(0);
            }
            if (!parts[2].equals("-")) {
                syllableOf[c] = syllables.computeIfAbsent(parts[2], s -> s);
            }
            if (!parts[3].equals("-")) {
                traditionalOf[c] = parts[3].charAt(0);
            }
        }
        for (String line : lines("name-syllables.txt")) {
            String[] parts = line.split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                char c = parts[i].charAt(0);
                String syllable = syllableOf[simplify(c)];
                if (syllable != null) {
                    List<Character> group = charactersBySyllable.computeIfAbsent(syllable, k -> new ArrayList<>());
                    if (!group.contains(c)) {
                        group.add(c);
                    }
                }
            }
        }
    }

    public static NameTables get() {
        return INSTANCE;
    }

    /**
     * What the name keys of this build are computed with; a store records it at load, and a run on a store whose keys
     * were computed otherwise would compare unlike keys, so it is refused ({@code Store.checkNameKeys}).
     */
    public String keyVersion() {
        return keyVersion;
    }

    /** The simplified form of a character, or the character itself. */
    public char simplify(char c) {
        char s = simplified[c];
        return s == 0 ? c : s;
    }

    /** The pinyin syllable of a name character, or null when the table does not know it. */
    public String syllable(char c) {
        return syllableOf[c];
    }

    /** The generator's name characters read with this syllable (homophones), in its list's order. */
    public List<Character> homophones(String syllable) {
        return Collections.unmodifiableList(charactersBySyllable.getOrDefault(syllable, List.of()));
    }

    /** The traditional form of a simplified character (ICU's Hans-Hant), or null when it has none of its own. */
    public Character traditional(char c) {
        char t = traditionalOf[c];
        return t == 0 ? null : t;
    }

    private static List<String> lines(String name) {
        try (InputStream in = NameTables.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
