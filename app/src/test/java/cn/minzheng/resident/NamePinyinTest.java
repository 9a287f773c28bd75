package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePinyinTest {

    @Test
    void fullPinyinAndInitials() {
        assertThat(NamePinyin.of("张三")).isEqualTo(new NamePinyin.Keys("zhangsan", "zs"));
        assertThat(NamePinyin.of("吕芳")).isEqualTo(new NamePinyin.Keys("lvfang", "lf"));
    }

    @Test
    void surnamesHaveTheirOwnReadings() {
        assertThat(NamePinyin.of("曾小明").full()).isEqualTo("zengxiaoming");
        assertThat(NamePinyin.of("单伟").full()).isEqualTo("shanwei");
        assertThat(NamePinyin.of("解放").full()).startsWith("xie");
        assertThat(NamePinyin.of("欧阳娜娜").initials()).isEqualTo("oynn");
        assertThat(NamePinyin.of("尉迟恭").initials()).isEqualTo("ycg");
    }

    @Test
    void charactersWithoutAReadingAddNothing() {
        assertThat(NamePinyin.of("𠮷野").full()).isEqualTo("ye");
        assertThat(NamePinyin.of("阿依古丽·买买提").initials()).isEqualTo("aygl" + "mmt");
    }

    @Test
    void latinNames() {
        assertThat(NamePinyin.of("Anna Smith")).isEqualTo(new NamePinyin.Keys("annasmith", "as"));
    }

    @Test
    void queriesAreLowerCaseLettersOnly() {
        assertThat(NamePinyin.queryKey("ZhangSan")).isEqualTo("zhangsan");
        assertThat(NamePinyin.queryKey("zhang san")).isEqualTo("zhangsan");
        assertThat(NamePinyin.queryKey("张三")).isEmpty();
        assertThat(NamePinyin.queryKey("zs1")).isEmpty();
    }
}
