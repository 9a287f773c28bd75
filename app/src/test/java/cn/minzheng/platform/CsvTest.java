package cn.minzheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's CSV helper: records keep the line they start on, quoting is RFC 4180, formulas are neutralised. */
class CsvTest {

    @Test
    void recordsCarryTheLineTheyStartOnEvenAfterAFieldSpanningLines() {
        List<Csv.Row> rows = Csv.read("\uFEFFh1,h2\r\n\"a\nb\",c\n\nx\"y,z\r\n\"q\"\"r\",s\rlone,cr\nlast");

        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 4, 5, 6, 7, 8);
        assertThat(rows.get(0).fields()).containsExactly("h1", "h2"); // the byte-order mark is not part of the field
        assertThat(rows.get(1).fields()).containsExactly("a\nb", "c");
        assertThat(rows.get(2).blank()).isTrue();
        assertThat(rows.get(3).fields()).containsExactly("x\"y", "z"); // a stray quote inside a field is text
        assertThat(rows.get(4).fields()).containsExactly("q\"r", "s");
        assertThat(rows.get(5).fields()).containsExactly("lone", "cr");
        assertThat(rows.get(6).field(0)).isEqualTo("last");
        assertThat(rows.get(6).field(3)).isEmpty();
    }

    @Test
    void anotherSeparatorKeepsCommasInsideFields() {
        assertThat(Csv.read("H|a,b|\"c|d\"\n", '|').get(0).fields()).containsExactly("H", "a,b", "c|d");
    }

    @Test
    void malformedQuotingNamesTheLine() {
        assertThatThrownBy(() -> Csv.read("a,b\n\"ab\"c,d\n")).isInstanceOfSatisfying(Csv.Malformed.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).contains("引号");
        });
        assertThatThrownBy(() -> Csv.read("a,b\n1,2\n\"open\nmore"))
                .isInstanceOfSatisfying(
                        Csv.Malformed.class, e -> assertThat(e.reason()).contains("缺少结束的引号"));
    }

    @Test
    void readsAStreamOneRecordAtATime() throws Exception {
        try (Csv.Rows rows = Csv.open(new StringReader("\uFEFFcode,name\n1,甲\n"), ',')) {
            assertThat(rows.next().fields()).containsExactly("code", "name");
            assertThat(rows.next().line()).isEqualTo(2);
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void writesQuotesOnlyWhereNeededAndRoundTrips() {
        String line = Csv.line("a,\"b\"", "x\ny", "plain", "", null, "中文");

        assertThat(line).isEqualTo("\"a,\"\"b\"\"\",\"x\ny\",plain,,,中文\r\n");
        assertThat(Csv.read(line).get(0).fields()).containsExactly("a,\"b\"", "x\ny", "plain", "", "", "中文");
        assertThat(Csv.line(List.of("1", "a"), "\n")).isEqualTo("1,a\n");
    }

    @Test
    void spreadsheetCellsThatLookLikeFormulasGetAnApostrophe() {
        assertThat(Csv.spreadsheetLine("=1+1", "+86", "-1", "@SUM(A1)", "\tx", "普通"))
                .isEqualTo("'=1+1,'+86,'-1,'@SUM(A1),'\tx,普通\r\n");
        assertThat(Csv.spreadsheetSafe(null)).isEmpty();
        assertThat(Csv.utf8WithBom("a")).containsExactly(0xEF - 256, 0xBB - 256, 0xBF - 256, 'a');
    }
}
