package cn.minzheng.verification.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void normalisesBlanksDotsAndTraditionalCharacters() {
        assertThat(Names.normalise(" 王 伟 ")).isEqualTo("王伟");
        assertThat(Names.normalise("張華")).isEqualTo("张华");
        assertThat(Names.normalise("買買提・艾力")).isEqualTo("买买提·艾力");
        assertThat(Names.normalise("买买提.艾力")).isEqualTo("买买提·艾力");
        assertThat(Names.normalise("买买提 • 艾力")).isEqualTo("买买提·艾力");
        assertThat(Names.normalise("王ＹＡＮ")).isEqualTo("王YAN");
        assertThat(Names.normalise(null)).isEmpty();
    }

    @Test
    void homophonesAndSpeltRareCharactersShareAKey() {
        assertThat(Names.key(Names.normalise("王伟"))).isEqualTo(Names.key(Names.normalise("王玮")));
        assertThat(Names.key(Names.normalise("王䶮"))).isEqualTo(Names.key(Names.normalise("王yan")));
        assertThat(Names.key(Names.normalise("陳建國"))).isEqualTo(Names.key("陈建国"));
    }

    @Test
    void differentSurnameOrGivenNameIsAnotherPerson() {
        String father = Names.key("王建国");
        assertThat(Names.samePerson(father, Names.key("王子涵"))).isFalse();
        assertThat(Names.samePerson(father, Names.key("李建国"))).isFalse();
        assertThat(Names.samePerson(Names.key("王伟"), Names.key("王芳"))).isFalse();
        assertThat(Names.samePerson(father, Names.key(Names.normalise("王建國")))).isTrue();
        assertThat(Names.samePerson(father, Names.key("王建?"))).isTrue();
        assertThat(Names.samePerson(father, "")).isTrue();
    }
}
