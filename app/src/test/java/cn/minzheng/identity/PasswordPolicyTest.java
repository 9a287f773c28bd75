package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("qwertyuiop123"));

    @Test
    void acceptsALongPasswordWithThreeClasses() {
        assertThat(policy.violations("zhangsan", "Yanta-2024-lp", c -> false)).isEmpty();
        assertThat(policy.violations("zhangsan", "长密码也可以用中文Abc12", c -> false)).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(policy.violations("zhangsan", "Ab1-xyzxyz", c -> false)).containsExactly("密码至少 12 个字符");
    }

    @Test
    void refusesFewerThanThreeClasses() {
        assertThat(policy.violations("zhangsan", "abcdefghijkl9", c -> false))
                .containsExactly("密码须包含大写字母、小写字母、数字、其他符号中的至少三类");
    }

    @Test
    void refusesTheUserNameInside() {
        assertThat(policy.violations("zhangsan", "x-ZhangSan-2024", c -> false)).containsExactly("密码不能包含用户名");
    }

    @Test
    void refusesCommonPasswordsAlsoWithAYearOrSymbolAppended() {
        assertThat(policy.violations("zhangsan", "Qwertyuiop123", c -> false)).contains("这是常见密码，容易被猜中，请换一个");
        assertThat(policy.violations("zhangsan", "qwertyuiop123@2024", c -> false))
                .contains("这是常见密码，容易被猜中，请换一个");
    }

    /** Issue 13 A8: {@code P@ssw0rd2024!} met every other rule. */
    @Test
    void refusesCommonPasswordsInLeetspeakAndWithDigitsOrSymbolsAround() {
        PasswordPolicy bundled = PasswordPolicy.withBundledList();
        for (String disguised : java.util.List.of(
                "P@ssw0rd2024!", "Pa55word-2024", "2024-Dr@gon!!", "!Qwerty#2024#", "Sh@ngh@i-2025", "W0@ini1314!!")) {
            assertThat(bundled.violations("zhangsan", disguised, c -> false))
                    .as(disguised)
                    .contains("这是常见密码，容易被猜中，请换一个");
        }
        assertThat(bundled.violations("zhangsan", "Yanta-2024-lp", c -> false)).isEmpty();
        assertThat(bundled.violations("zhangsan", "Test-Staff-Pa55word", c -> false))
                .isEmpty();
    }

    @Test
    void theShippedListIsAProperDictionary() {
        assertThat(PasswordPolicy.forms("p@ssw0rd2024!")).contains("password");
        PasswordPolicy bundled = PasswordPolicy.withBundledList();
        for (String word : java.util.List.of("password", "dragon", "iloveyou", "woaini1314", "monkey", "letmein")) {
            assertThat(bundled.isCommon(word)).as(word).isTrue();
        }
    }

    @Test
    void refusesLongRunsOfOneCharacter() {
        assertThat(policy.violations("zhangsan", "Aaaaaaa1-bcdefg", c -> false)).containsExactly("密码不能有连续 6 个以上相同的字符");
    }

    @Test
    void refusesRecentPasswordsOnlyWhenEverythingElseIsFine() {
        assertThat(policy.violations("zhangsan", "Yanta-2024-lp", c -> true)).containsExactly("不能与最近 5 次使用过的密码相同");
    }

    @Test
    void generatedTemporaryPasswordsAlwaysMeetThePolicy() {
        PasswordPolicy bundled = PasswordPolicy.withBundledList();
        for (int i = 0; i < 500; i++) {
            assertThat(bundled.violations("someone", TemporaryPasswords.generate(), c -> false))
                    .isEmpty();
        }
    }
}
