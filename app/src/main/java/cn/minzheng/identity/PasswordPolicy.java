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

    private boolean isCommon(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        // The same with a year or a symbol appended: "password1234!", "qwertyuiop12@2024".
        String stripped = lower.replaceAll("([!@#.]|(19|20)\\d\\d)+$", "");
        return !stripped.equals(lower) && common.contains(stripped);
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
