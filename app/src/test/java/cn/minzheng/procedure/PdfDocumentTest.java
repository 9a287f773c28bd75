package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.documents.PdfDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's Chinese PDFs open in real programs, embed their font and keep their text searchable. */
class PdfDocumentTest {

    private static byte[] sample() {
        return PdfDocument.a4("最低生活保障审核确认决定书")
                .issuer("西安市雁塔区民政局")
                .title("最低生活保障审核确认决定书")
                .right("雁民救〔2026〕7号")
                .facts(List.of(PdfDocument.Fact.of("申请人", "𠮷祥·测试"), PdfDocument.Fact.of("家庭人数", 3)))
                .heading("法律依据")
                .paragraph("《最低生活保障审核确认办法》第二十一条：审核确认后作出决定。")
                .table(List.of("步骤", "数值"), List.of(List.of("人均差额", "360.00 元")), new float[] {2, 1})
                .paragraph("如不服本决定，可以自收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。")
                .signature("西安市雁塔区民政局", "2026年3月2日")
                .footer("受理编号 2026-DB-00001")
                .watermark("草稿")
                .render();
    }

    @Test
    void rendersChineseWithAnEmbeddedSubsetFont() throws Exception {
        byte[] pdf = sample();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        PdfChecks.assertFontsEmbedded(pdf);
        String text = PdfChecks.text(pdf).replaceAll("\\s+", "");
        assertThat(text)
                .contains("西安市雁塔区民政局")
                .contains("最低生活保障审核确认决定书")
                .contains("雁民救〔2026〕7号")
                .contains("第二十一条")
                .contains("六十日内申请行政复议");
        // OpenPDF's own parser reads the same text (the check that runs where poppler is not installed).
        assertThat(PdfChecks.openPdfText(pdf).replaceAll("\\s+", "")).contains("最低生活保障审核确认决定书");
        if (!PdfChecks.popplerAvailable()) {
            System.out.println(
                    "poppler-utils 未安装：仅用 OpenPDF 校验 PDF（apt-get install poppler-utils 可启用 pdftotext/pdffonts 校验）");
        }
    }

    @Test
    void noLineStartsWithAClosingMarkOrEndsWithAnOpeningOne() throws Exception {
        // 避头尾: whatever the offset of the commas against the line length, no line of a paragraph or a table cell
        // starts with ，。、 or ） nor ends with （
        String unit = "甲乙丙丁戊己庚辛壬癸，子丑寅卯辰（巳午未）申酉戌亥。";
        for (int shift = 0; shift < unit.length(); shift++) {
            String body = "字".repeat(shift) + unit.repeat(12);
            byte[] pdf = PdfDocument.a4("断行")
                    .paragraph(body)
                    .line(body)
                    .table(List.of("项目", "说明"), List.of(List.of("断行", body)), new float[] {1, 3})
                    .render();
            List<String> lines = PdfChecks.openPdfText(pdf)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
            assertThat(lines).hasSizeGreaterThan(10);
            assertThat(lines)
                    .as("offset %d", shift)
                    .noneMatch(l -> "，。、）".indexOf(l.charAt(0)) >= 0)
                    .noneMatch(l -> l.endsWith("（"));
        }
    }

    @Test
    void embedsOnlyTheGlyphsUsed() {
        // Two weights of Noto Sans SC are ~10 MB each; a subset keeps a one-page document small.
        assertThat(sample().length).isLessThan(400_000);
    }
}
