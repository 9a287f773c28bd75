package cn.minzheng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pivot sums each cell, gives every row a subtotal and every column a total, and links each figure to its list. */
class PivotTest {

    private static Pivot.Fact fact(String street, String programme, long fen) {
        return new Pivot.Fact(Map.of("street", street, "programme", programme), Map.of("paid", fen));
    }

    @Test
    void cellsSubtotalsAndTotalsAddUpAndLeadToTheirLists() {
        List<Pivot.Fact> facts = List.of(
                fact("S1", "DIBAO", 100_00),
                fact("S1", "DIBAO", 50_50),
                fact("S1", "TEKUN", 20_00),
                fact("S2", "DIBAO", 1_00));
        DataTable t = Pivot.table(
                "测试",
                facts,
                new Pivot.Dimension("street", "街道", c -> "街道" + c),
                new Pivot.Dimension("programme", "项目", c -> c.equals("DIBAO") ? "低保" : "特困"),
                new Pivot.Measure("paid", "金额（元）", true),
                (r, c) -> "/list?r=" + r + "&c=" + c);

        assertThat(t.headers()).containsExactly("街道 \\ 项目", "低保", "特困", "小计");
        assertThat(t.rows()).hasSize(3);
        DataTable.Row s1 = t.rows().get(0);
        assertThat(s1.cells()).extracting(DataTable.Cell::text).containsExactly("街道S1", "150.50", "20.00", "170.50");
        assertThat(s1.cells().get(1).number()).isEqualTo(new BigDecimal("150.50"));
        assertThat(s1.cells().get(1).link()).isEqualTo("/list?r=S1&c=DIBAO");
        assertThat(s1.cells().get(3).link()).isEqualTo("/list?r=S1&c=null");
        assertThat(t.rows().get(1).cells())
                .extracting(DataTable.Cell::text)
                .containsExactly("街道S2", "1.00", "—", "1.00");
        DataTable.Row total = t.rows().get(2);
        assertThat(total.total()).isTrue();
        assertThat(total.cells()).extracting(DataTable.Cell::text).containsExactly("合计", "151.50", "20.00", "171.50");
    }

    @Test
    void tablesExportToAWorkbookWithTheirChineseHeaders() throws Exception {
        DataTable t = new DataTable(
                "各街道发放",
                List.of("街道", "金额（元）"),
                List.of(DataTable.Row.of(
                        DataTable.Cell.text("小寨路街道"),
                        DataTable.Cell.number("1,234.50", new BigDecimal("1234.50"), null))));
        byte[] bytes = XlsxTables.write(List.of(t));
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes))) {
            var sheet = book.getSheet("各街道发放");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("金额（元）");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("小寨路街道");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1234.5);
        }
    }
}
