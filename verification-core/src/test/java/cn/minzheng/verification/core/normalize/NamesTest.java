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
    void theSameNameInAnotherScriptHasTheSameKeyHash() {
        // pairs a hand list lacked (the table is ICU4J's Hant-Hans, complete for the plane)
        String[][] pairs = {
            {"張偉", "张伟"},
            {"瀋陽", "沈阳"},
            {"蕭紅", "萧红"},
            {"鍾建國", "钟建国"},
            {"鐘建國", "钟建国"},
            {"龔麗華", "龚丽华"},
            {"譚曉東", "谭晓东"},
            {"嚴濤", "严涛"},
            {"馮寶貴", "冯宝贵"},
            {"聶鵬", "聂鹏"},
            {"買買提・艾力", "买买提·艾力"},
            {"買買提艾力", "买买提·艾力"},
            {"张 伟", "张伟"},
            {"张\u3000伟", "张伟"},
            {"ZHANG Wei", "张伟"},
            {"Zhang　Wei", "张伟"},
            {"ＺＨＡＮＧ ＷＥＩ", "张伟"},
            // a variant character the transform leaves alone still sounds the same: pinyin is the second key
            {"李峯", "李峰"},
            {"王喆", "王哲"}
        };
        for (String[] pair : pairs) {
            assertThat(hash(pair[0])).as(pair[0] + " / " + pair[1]).isEqualTo(hash(pair[1]));
        }
        assertThat(Names.normalise("瀋 靜")).isEqualTo("沈静");
        assertThat(hash("张伟")).isNotEqualTo(hash("张玮强")).isNotEqualTo(hash("王伟"));
    }

    @Test
    void everyCharacterOfThePlaneHasItsSimplifiedFormsReading() {
        NameTables tables = NameTables.get();
        int withoutReading = 0;
        for (char c = '\u4E00'; c <= '\u9FA5'; c++) {
            if (tables.syllable(tables.simplify(c)) == null) {
                withoutReading++;
            }
        }
        // only the ten unit characters read as two syllables (兙 shike, 瓩 qianwa …), never seen in names
        assertThat(withoutReading).isLessThanOrEqualTo(10);
        assertThat(tables.syllable('鍾')).isEqualTo("zhong");
        assertThat(tables.simplify('鍾')).isEqualTo('钟');
        assertThat(tables.traditional('张')).isEqualTo('張');
    }

    private static long hash(String raw) {
        return Names.keyHash(Names.key(Names.normalise(raw)));
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
