package cn.minzheng.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoNamesTest {

    @Test
    void theSameSeedGivesTheSameDistrict() {
        List<String> first = new DemoNames(42).communities(240);
        List<String> second = new DemoNames(42).communities(240);
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates().allMatch(name -> name.endsWith("社区"));
        assertThat(new DemoNames(43).communities(240)).isNotEqualTo(first);
    }
}
