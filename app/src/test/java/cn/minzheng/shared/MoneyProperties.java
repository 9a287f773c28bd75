package cn.minzheng.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {

    @Property
    void formattingAndParsingAreInverse(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long fen) {
        Money money = Money.fen(fen);
        assertThat(Money.parse(money.toYuanString())).isEqualTo(money);
    }

    @Property
    void splittingAndRejoiningLosesLessThanOneFenPerPart(
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long fen,
            @ForAll @IntRange(min = 1, max = 20) int parts) {
        Money share = Money.fen(fen).dividedBy(parts, RoundingMode.DOWN);
        long rest = fen - share.fen() * parts;
        assertThat(rest).isBetween(0L, (long) parts - 1);
    }

    @Property
    void roundingToYuanStaysWithinHalfAYuan(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long fen) {
        Money rounded = Money.fen(fen).roundTo(100, RoundingMode.HALF_UP);
        assertThat(rounded.fen() % 100).isZero();
        assertThat(Math.abs(rounded.fen() - fen)).isLessThanOrEqualTo(50);
    }

    @Property
    void neverThrowsAnythingButIllegalArgumentOnAnyText(@ForAll String text) {
        try {
            Money.parse(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).startsWith("金额");
        }
    }

    @Example
    void parsesWhatPeopleType() {
        assertThat(Money.parse("1234")).isEqualTo(Money.fen(123400));
        assertThat(Money.parse("1,234.5")).isEqualTo(Money.fen(123450));
        assertThat(Money.parse("¥1234.56")).isEqualTo(Money.fen(123456));
        assertThat(Money.parse("１２３４．５６")).isEqualTo(Money.fen(123456));
        assertThat(Money.parse("0.01")).isEqualTo(Money.fen(1));
    }

    @Example
    void refusesWhatIsNotAnAmount() {
        for (String bad : new String[] {"", "1.234", "12a", "1,23.00", "1e5", "..", "-", "1,000,00"}) {
            assertThatThrownBy(() -> Money.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Example
    void overflowIsRefusedNotWrapped() {
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).plus(Money.fen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.parse("999999999999999999999")).isInstanceOf(IllegalArgumentException.class);
    }
}
