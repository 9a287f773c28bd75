package cn.minzheng.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.core.io.ClassPathResource;

/**
 * The password rules of the security baseline (GB/T 22239-2019 8.1.4.1 a: 口令具有复杂度要求并定期更换; ASVS 2.1): at least
 * 12 characters, at least three of four character classes, not containing the user name, not a commonly used
 * password, none of the last five. Expiry (90 days) is checked at login. Returns every violation, in Chinese.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    static PasswordPolicy withBundledList() {
        Set<String> common = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> common.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PasswordPolicy(common);
    }

    /**
     * @param previous a predicate telling whether the candidate equals one of the account's last passwords (checked
     *     against their hashes)
     */
    List<String> violations(String username, String candidate, Predicate<String> previous) {
        List<String> problems = new ArrayList<>();
        if (candidate == null || candidate.isEmpty()) {
            problems.add("密码不能为空");
            return problems;
        }
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            problems.add("密码至少 " + MIN_LENGTH + " 个字符");
        }
        if (length > MAX_LENGTH) {
            problems.add("密码最多 " + MAX_LENGTH + " 个字符");
        }
        if (characterClasses(candidate) < 3) {
            problems.add("密码须包含大写字母、小写字母、数字、其他符号中的至少三类");
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("密码不能包含用户名");
        }
        if (isCommon(lower)) {
            problems.add("这是常见密码，容易被猜中，请换一个");
        }
        if (hasLongRun(candidate)) {
            problems.add("密码不能有连续 6 个以上相同的字符");
        }
        if (problems.isEmpty() && previous.test(candidate)) {
            problems.add("不能与最近 5 次使用过的密码相同");
        }
        return problems;
    }

    /**
     * A common password, also in disguise: with leetspeak undone ({@code p@ssw0rd}), with digits or symbols around
     * it ({@code 2024Dragon!}, {@code P@ssw0rd2024!}), or both.
     */
    boolean isCommon(String lower) {
        for (String form : forms(lower)) {
            if (common.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The candidate, the same without a year or symbol appended, its core without leading and trailing digits and
     * symbols (when 4 or more characters are left), and all of them with leetspeak read back as letters.
     */
    static Set<String> forms(String lower) {
        Set<String> forms = new HashSet<>();
        forms.add(lower);
        forms.add(lower.replaceAll("([!@#.]|(19|20)\\d\\d)+$", "")); // "qwertyuiop123@2024"
        String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (core.length() >= 4) {
            forms.add(core);
        }
        for (String form : List.copyOf(forms)) {
            forms.add(unleet(form, 'i'));
            forms.add(unleet(form, 'l'));
        }
        return forms;
    }

    /** Leetspeak read back: 0→o, 3→e, 4/@→a, 5/$→s, 7/+→t, 8→b, 9→g, !/|→i or l, 1→{@code one}. */
    static String unleet(String text, char one) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7', '+' -> 't';
                        case '8' -> 'b';
                        case '9' -> 'g';
                        case '1', '!', '|' -> one;
                        default -> c;
                    });
        }
        return out.toString();
    }

    static int characterClasses(String candidate) {
        boolean upper = false, lowerCase = false, digit = false, other = false;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lowerCase = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lowerCase ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static boolean hasLongRun(String candidate) {
        int run = 1;
        for (int i = 1; i < candidate.length(); i++) {
            run = candidate.charAt(i) == candidate.charAt(i - 1) ? run + 1 : 1;
            if (run >= 6) {
                return true;
            }
        }
        return false;
    }
}
