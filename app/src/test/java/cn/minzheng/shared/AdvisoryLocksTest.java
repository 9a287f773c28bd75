package cn.minzheng.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No two uses share an advisory-lock key: a shared key would make unrelated work wait for, or skip, each other. */
class AdvisoryLocksTest {

    @Test
    void everyKeyOfAKindIsUsedOnce() throws IllegalAccessException {
        List<Long> bigints = new ArrayList<>();
        List<Integer> spaces = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Field field : AdvisoryLocks.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object value = field.get(null);
            if (value instanceof Long key) {
                bigints.add(key);
            } else if (value instanceof Integer key
                    && !field.getName().endsWith("_ANY")
                    && !field.getName().equals("VERIFICATION_STORE")) {
                spaces.add(key); // the ids within a space (…_ANY, VERIFICATION_STORE) are the second key, not a space
            } else if (value instanceof String prefix) {
                prefixes.add(prefix);
            }
        }
        assertThat(bigints).hasSize(3).doesNotHaveDuplicates();
        assertThat(spaces).hasSize(6).doesNotHaveDuplicates();
        assertThat(prefixes).hasSize(3).doesNotHaveDuplicates();
        // no prefix is the start of another: hashtext of "a:" || x and "a:b:" || y could otherwise meet
        for (String a : prefixes) {
            assertThat(prefixes.stream().filter(b -> !b.equals(a) && b.startsWith(a)))
                    .as(a)
                    .isEmpty();
        }
        assertThat(Arrays.asList(AdvisoryLocks.RESIDENT_IMPORT_ANY, AdvisoryLocks.VERIFICATION_STORE))
                .containsOnly(0);
    }
}
