package cn.minzheng.verification.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TranspositionsTest {

    private static String number(int sequence, int day) {
        String body = "61011319" + String.format("%02d", 70 + day % 30) + "0" + (1 + day % 9)
                + String.format("%02d", 10 + day % 18) + String.format("%03d", sequence);
        return body + IdNumbers.checkCharacter(body);
    }

    /** Any swap of two different neighbours is caught by the check character, and swapping back is a candidate. */
    @Property
    void theOriginalIsAlwaysACandidateOfItsTransposition(
            @ForAll @IntRange(max = 999) int sequence,
            @ForAll @IntRange(max = 5000) int day,
            @ForAll @IntRange(max = 16) int at) {
        String original = number(sequence, day);
        char[] c = original.toCharArray();
        if (c[at] == c[at + 1]) {
            return;
        }
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        String typed = new String(c);
        assertThat(IdNumbers.normalise(typed).status().usable()).isFalse();
        long[] candidates = Transpositions.candidates(typed);
        // parsed as trusted: a genuine number may end in "000", which a delivery would read as spreadsheet damage
        IdNumbers ids = new IdNumbers();
        ids.parseTrusted(original);
        assertThat(candidates).contains(ids.key());
        for (long key : candidates) {
            assertThat(new IdNumbers().parseTrusted(IdNumbers.decode(key))).isEqualTo(IdStatus.VALID);
        }
    }

    @Test
    void otherTextsHaveNoCandidates() {
        assertThat(Transpositions.candidates(null)).isEmpty();
        assertThat(Transpositions.candidates("61011319800505")).isEmpty();
    }
}
