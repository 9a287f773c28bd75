package cn.minzheng.platform.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Chinese A4 document — decision, notice, summary — rendered to PDF with Noto Sans SC embedded (subset), so that it
 * opens, prints and searches the same everywhere. Build it block by block, then {@link #render()}:
 *
 * <pre>{@code
 * byte[] pdf = PdfDocument.a4("最低生活保障审核确认决定书")
 *         .issuer("西安市雁塔区民政局")
 *         .title("最低生活保障审核确认决定书")
 *         .right("雁民救〔2026〕12号")
 *         .paragraph("申请人：张三")
 *         .heading("法律依据")
 *         .paragraph("《最低生活保障审核确认办法》第二十一条 …")
 *         .signature("西安市雁塔区民政局", "2026年3月2日")
 *         .render();
 * }</pre>
 *
 * Text is always passed as plain strings; nothing is interpreted as markup.
 */
public final class PdfDocument {

    private static final Color RULE = new Color(0x9f, 0x1d, 0x20);
    private static final Color HEADER_FILL = new Color(0xf1, 0xf2, 0xf4);

    private final String documentTitle;
    private final List<Block> blocks = new ArrayList<>();
    private String issuer = "";
    private String footer = "";
    private String watermark;

    private interface Block {
        void addTo(Document document) throws DocumentException;
    }

    private PdfDocument(String documentTitle) {
        this.documentTitle = Objects.requireNonNull(documentTitle, "title");
    }

    /** A new A4 portrait document; the title goes into the PDF's metadata. */
    public static PdfDocument a4(String documentTitle) {
        return new PdfDocument(documentTitle);
    }

    /** The issuing body, printed in red above the title, as on official documents (版头). */
    public PdfDocument issuer(String name) {
        return issuer(name, null);
    }

    /**
     * The 版头 of a 公文 (GB/T 9704-2012 7.2): the issuing body (发文机关标志) in red, the document number (发文字号)
     * centred under it, then the red separator line.
     */
    public PdfDocument issuer(String name, String number) {
        this.issuer = text(name);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(issuer, font(true, 20, RULE)));
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingAfter(4);
            document.add(p);
            if (number != null) {
                Paragraph n = new Paragraph(chunk(number, font(false, 11, Color.BLACK)));
                n.setAlignment(Element.ALIGN_CENTER);
                n.setSpacingBefore(6);
                document.add(n);
            }
            PdfPTable line = new PdfPTable(1);
            line.setWidthPercentage(100);
            PdfPCell cell = new PdfPCell(new Phrase(" ", font(false, 2, Color.BLACK)));
            cell.setBorder(PdfPCell.BOTTOM);
            cell.setBorderColorBottom(RULE);
            cell.setBorderWidthBottom(1.5f);
            line.addCell(cell);
            line.setSpacingAfter(10);
            document.add(line);
        });
        return this;
    }

    public PdfDocument title(String text) {
        String value = text(text);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(value, font(true, 18, Color.BLACK)));
            p.setAlignment(Element.ALIGN_CENTER);
            p.setSpacingBefore(6);
            p.setSpacingAfter(8);
            document.add(p);
        });
        return this;
    }

    public PdfDocument centered(String text) {
        return aligned(text, Element.ALIGN_CENTER);
    }

    public PdfDocument right(String text) {
        return aligned(text, Element.ALIGN_RIGHT);
    }

    public PdfDocument heading(String text) {
        String value = text(text);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(value, font(true, 12, Color.BLACK)));
            p.setSpacingBefore(10);
            p.setSpacingAfter(4);
            document.add(p);
        });
        return this;
    }

    /** A body paragraph; line breaks in the text start new lines. */
    public PdfDocument paragraph(String text) {
        String value = text(text);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(value, font(false, 11, Color.BLACK)));
            p.setLeading(0, 1.6f);
            p.setFirstLineIndent(22);
            p.setSpacingAfter(4);
            document.add(p);
        });
        return this;
    }

    /** A paragraph without first-line indent, for lists and small print. */
    public PdfDocument line(String text) {
        String value = text(text);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(value, font(false, 10.5f, Color.BLACK)));
            p.setLeading(0, 1.5f);
            document.add(p);
        });
        return this;
    }

    /** Label–value pairs in two columns. */
    public PdfDocument facts(List<Fact> facts) {
        List<Fact> copy = List.copyOf(facts);
        blocks.add(document -> {
            PdfPTable table = new PdfPTable(new float[] {1, 3});
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            table.setSpacingAfter(6);
            for (Fact fact : copy) {
                table.addCell(cell(fact.label(), true, HEADER_FILL));
                table.addCell(cell(fact.value(), false, null));
            }
            document.add(table);
        });
        return this;
    }

    public record Fact(String label, String value) {

        public static Fact of(String label, Object value) {
            return new Fact(label, value == null ? "" : value.toString());
        }
    }

    /** A table with a header row; {@code widths} are relative column widths (or null for equal widths). */
    public PdfDocument table(List<String> headers, List<List<String>> rows, float[] widths) {
        List<String> head = List.copyOf(headers);
        List<List<String>> body = rows.stream().map(List::copyOf).toList();
        if (head.isEmpty()) {
            return this; // nothing to show
        }
        blocks.add(document -> {
            PdfPTable table = widths == null ? new PdfPTable(head.size()) : new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(4);
            table.setSpacingAfter(6);
            for (String h : head) {
                table.addCell(cell(h, true, HEADER_FILL));
            }
            for (List<String> row : body) {
                for (int i = 0; i < head.size(); i++) {
                    table.addCell(cell(i < row.size() ? row.get(i) : "", false, null));
                }
            }
            document.add(table);
        });
        return this;
    }

    /** The issuing body and date at the bottom right, with room for the seal. */
    public PdfDocument signature(String unit, String date) {
        String u = text(unit);
        String d = text(date);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(u + "\n（印章）\n" + d, font(false, 11, Color.BLACK)));
            p.setAlignment(Element.ALIGN_RIGHT);
            p.setSpacingBefore(24);
            p.setLeading(0, 1.8f);
            document.add(p);
        });
        return this;
    }

    /** The addressee (主送), flush left and followed by a full-width colon, as in GB/T 9704-2012 7.3.2. */
    public PdfDocument addressee(String name) {
        String value = text(name) + "：";
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(value, font(false, 11, Color.BLACK)));
            p.setSpacingBefore(6);
            p.setSpacingAfter(2);
            document.add(p);
        });
        return this;
    }

    /** What follows starts on a new page (an annex, 附件). */
    public PdfDocument newPage() {
        blocks.add(Document::newPage);
        return this;
    }

    public PdfDocument spacer() {
        blocks.add(document -> document.add(new Paragraph(chunk(" ", font(false, 8, Color.BLACK)))));
        return this;
    }

    /** Small text at the bottom of every page, next to the page number. */
    public PdfDocument footer(String text) {
        this.footer = text(text);
        return this;
    }

    /** A large faint diagonal word on every page (e.g. 草稿 for a draft that has not been issued). */
    public PdfDocument watermark(String text) {
        this.watermark = text(text);
        return this;
    }

    public byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 64, 64, 64, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageDecoration());
            document.addTitle(documentTitle);
            document.addCreator("民政业务平台");
            if (!issuer.isEmpty()) {
                document.addAuthor(issuer);
            }
            document.open();
            for (Block block : blocks) {
                block.addTo(document);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF 生成失败", e);
        }
        return out.toByteArray();
    }

    private final class PageDecoration extends PdfPageEventHelper {

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte over = writer.getDirectContent();
            String page = "第 " + writer.getPageNumber() + " 页";
            String text = footer.isEmpty() ? page : footer + "    " + page;
            ColumnText.showTextAligned(
                    over,
                    Element.ALIGN_CENTER,
                    new Phrase(text, font(false, 8, Color.DARK_GRAY)),
                    (document.left() + document.right()) / 2,
                    document.bottom() - 24,
                    0);
            if (watermark != null) {
                PdfContentByte under = writer.getDirectContentUnder();
                under.saveState();
                PdfGState faint = new PdfGState();
                faint.setFillOpacity(0.12f);
                under.setGState(faint);
                ColumnText.showTextAligned(
                        under,
                        Element.ALIGN_CENTER,
                        new Phrase(watermark, font(true, 96, Color.GRAY)),
                        (document.left() + document.right()) / 2,
                        (document.top() + document.bottom()) / 2,
                        45);
                under.restoreState();
            }
        }
    }

    private PdfDocument aligned(String text, int alignment) {
        String value = text(text);
        blocks.add(document -> {
            Paragraph p = new Paragraph(chunk(value, font(false, 11, Color.BLACK)));
            p.setAlignment(alignment);
            p.setSpacingAfter(4);
            document.add(p);
        });
        return this;
    }

    private static PdfPCell cell(String text, boolean bold, Color fill) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(text == null ? "" : text, font(bold, 10, Color.BLACK))));
        cell.setPadding(4);
        cell.setBorderColor(Color.LIGHT_GRAY);
        if (fill != null) {
            cell.setBackgroundColor(fill);
        }
        return cell;
    }

    /** Text in a font, broken into lines by the Chinese rules ({@link LineBreaks}). */
    private static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(LineBreaks.CHINESE);
        return chunk;
    }

    private static Font font(boolean bold, float size, Color color) {
        return new Font(bold ? CjkFonts.bold() : CjkFonts.regular(), size, Font.NORMAL, color);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
