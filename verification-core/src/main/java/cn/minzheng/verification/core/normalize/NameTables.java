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
 * The two character tables behind name normalisation, read once from resources: traditional → simplified, and the
 * tone-less pinyin syllable of each name character. Lookups are array indexed because the loader calls them for every
 * character of every name.
 */
public final class NameTables {

    private static final String BASE = "/cn/minzheng/verification/core/";
    private static final NameTables INSTANCE = new NameTables();

    private final char[] simplified = new char[65536];
    private final String[] syllableOf = new String[65536];
    private final Map<String, List<Character>> charactersBySyllable = new LinkedHashMap<>();
    private final Map<Character, Character> traditionalOf = new LinkedHashMap<>();

    private NameTables() {
        for (String line : lines("trad-simp.txt")) {
            for (String token : line.split("\\s+")) {
                if (token.length() == 2 && token.charAt(0) != token.charAt(1)) {
                    simplified[token.charAt(0)] = token.charAt(1);
                    traditionalOf.putIfAbsent(token.charAt(1), token.charAt(0));
                }
            }
        }
        for (String line : lines("name-syllables.txt")) {
            String[] parts = line.split("\\s+");
            List<Character> group = charactersBySyllable.computeIfAbsent(parts[0], k -> new ArrayList<>());
            for (int i = 1; i < parts.length; i++) {
                char c = parts[i].charAt(0);
                if (syllableOf[c] == null) {
                    syllableOf[c] = parts[0];
                }
                group.add(c);
            }
        }
    }

    public static NameTables get() {
        return INSTANCE;
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

    /** Characters read with the same syllable (homophones), in table order. */
    public List<Character> homophones(String syllable) {
        return Collections.unmodifiableList(charactersBySyllable.getOrDefault(syllable, List.of()));
    }

    /** A traditional form of a simplified character, or null. */
    public Character traditional(char c) {
        return traditionalOf.get(c);
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
