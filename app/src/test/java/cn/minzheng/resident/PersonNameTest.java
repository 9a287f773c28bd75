package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.shared.PersonName;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void acceptsTheWholeCjkRangeCountingCodePoints() {
        PersonName name = PersonName.of("𠮷野家");
        assertThat(name.value()).isEqualTo("𠮷野家");
        assertThat(name.length()).isEqualTo(3);
        assertThat("𠮷野家".length()).isEqualTo(4); // UTF-16 units: why lengths are counted in code points
        assertThat(PersonName.check("王𪚥").valid()).isTrue(); // extension B
        assertThat(PersonName.check("李〇").valid()).isTrue();
    }

    @Test
    void acceptsTransliteratedNamesWithMiddleDotsAndNormalisesLookAlikes() {
        assertThat(PersonName.of("阿依古丽·买买提").value()).isEqualTo("阿依古丽·买买提");
        assertThat(PersonName.of("阿依古丽•买买提").value()).isEqualTo("阿依古丽·买买提");
        assertThat(PersonName.of("阿依古丽.买买提").value()).isEqualTo("阿依古丽·买买提");
        assertThat(PersonName.of("阿依古丽・买买提").value()).isEqualTo("阿依古丽·买买提");
        assertThat(PersonName.check("·买买提").valid()).isFalse();
        assertThat(PersonName.check("阿依古丽··买买提").valid()).isFalse();
    }

    @Test
    void acceptsLatinNamesOfForeigners() {
        assertThat(PersonName.check("Anna-Maria O'Neil").valid()).isTrue();
    }

    @Test
    void refusesCharactersThatAreNotPartOfANameAndSaysWhich() {
        assertThat(PersonName.check("张三1").problem()).contains("“1”");
        assertThat(PersonName.check("张三!").valid()).isFalse();
        assertThat(PersonName.check("张\u0000三").problem()).contains("U+0000");
        assertThat(PersonName.check("张" + new String(Character.toChars(0xE000))).problem())
                .contains("私用区");
        assertThat(PersonName.check("张a").problem()).contains("混用");
        assertThat(PersonName.check("张").problem()).contains("至少");
        assertThat(PersonName.check("  ").problem()).isEqualTo("缺少姓名");
        assertThat(PersonName.check("张 三").name().value()).isEqualTo("张三");
    }

    @Property
    void neverThrows(@ForAll String text) {
        PersonName.Check check = PersonName.check(text);
        assertThat(check.valid() || check.problem() != null).isTrue();
    }
}
