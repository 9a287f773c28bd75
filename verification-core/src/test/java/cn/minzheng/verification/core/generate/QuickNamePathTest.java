package cn.minzheng.verification.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.verification.core.normalize.Names;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The loader's byte-level name path gives exactly what the general path gives, or declines. */
class QuickNamePathTest {

    private static void assertSameAsGeneralPath(String raw) {
        byte[] bytes = ("x" + raw + "y").getBytes(StandardCharsets.UTF_8);
        Names.Utf8Name quick = Names.fromUtf8(bytes, 1, bytes.length - 1);
        if (quick == null) {
            return; // declined: the general path decides
        }
        String display = Names.normalise(raw);
        String key = Names.key(display);
        assertThat(new String(quick.display(), StandardCharsets.UTF_8)).as(raw).isEqualTo(display);
        assertThat(quick.hash()).as(raw).isEqualTo(key.indexOf('?') >= 0 ? 0 : Names.keyHash(key));
    }

    @Test
    void generatedNamesAndTheirVariants() {
        SplittableRandom random = new SplittableRandom(11);
        int quick = 0;
        for (int i = 0; i < 100_000; i++) {
            String name =
                    NameMaker.name(random, random.nextBoolean(), 1930 + random.nextInt(90), NameMaker.surname(random));
            assertSameAsGeneralPath(name);
            assertSameAsGeneralPath(NameMaker.variant(random, name));
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            if (Names.fromUtf8(bytes, 0, bytes.length) != null) {
                quick++;
            }
        }
        assertThat(quick).isGreaterThan(90_000);
    }

    @Test
    void edgeCasesAreDeclinedOrAgree() {
        for (String raw :
                List.of("王伟", "張華", "王　伟", "买买提・艾力", "王ＹＡＮ", "王？", "王䶮", "𠀀王", "王 伟", "", "王\u2003伟", "陳建國")) {
            assertSameAsGeneralPath(raw);
        }
        byte[] spaced = "王　伟".getBytes(StandardCharsets.UTF_8);
        assertThat(Names.fromUtf8(spaced, 0, spaced.length)).isNull();
    }
}
