package cn.minzheng.verification.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.normalize.NameTables;
import cn.minzheng.verification.core.normalize.Names;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NameMakerTest {

    @Test
    void everyGeneratedCharacterHasASyllableAndEveryVariantKeepsTheKey() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50_000; i++) {
            boolean male = random.nextBoolean();
            String name = NameMaker.name(random, male, 1930 + random.nextInt(90), NameMaker.surname(random));
            for (char c : name.toCharArray()) {
                if (c != '·') {
                    assertThat(NameTables.get().syllable(c))
                            .as("syllable of %s in %s", c, name)
                            .isNotNull();
                }
            }
            String variant = NameMaker.variant(random, name);
            assertThat(Names.samePerson(Names.key(Names.normalise(name)), Names.key(Names.normalise(variant))))
                    .as("%s vs %s", name, variant)
                    .isTrue();
        }
    }
}
