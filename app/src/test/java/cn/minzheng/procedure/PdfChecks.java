package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a PDF opens in real programs: poppler's {@code pdftotext}/{@code pdffonts} when installed (apt-get
 * install poppler-utils), and always OpenPDF's own parser — every font embedded, the Chinese text extractable.
 */
final class PdfChecks {

    private PdfChecks() {}

    static boolean popplerAvailable() {
        return onPath("pdftotext") && onPath("pdffonts");
    }

    /** The text of every page, by pdftotext when available, else by OpenPDF's extractor. */
    static String text(byte[] pdf) throws Exception {
        if (popplerAvailable()) {
            Path file = Files.createTempFile("mz-check", ".pdf");
            try {
                Files.write(file, pdf);
                return run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
            } finally {
                Files.deleteIfExists(file);
            }
        }
        return openPdfText(pdf);
    }

    static String openPdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder out = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.append(extractor.getTextFromPage(page)).append('\n');
            }
            return out.toString();
        } finally {
            reader.close();
        }
    }

    /** Asserts that the PDF parses and that every font it uses is embedded (and, with poppler, subset). */
    static void assertFontsEmbedded(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        List<String> fonts = new ArrayList<>();
        try {
            for (int i = 1; i < reader.getXrefSize(); i++) {
                PdfObject object = reader.getPdfObject(i);
                if (object instanceof PdfDictionary dict && PdfName.FONTDESCRIPTOR.equals(dict.get(PdfName.TYPE))) {
                    boolean embedded = dict.get(PdfName.FONTFILE) != null
                            || dict.get(PdfName.FONTFILE2) != null
                            || dict.get(PdfName.FONTFILE3) != null;
                    fonts.add(dict.get(PdfName.FONTNAME) + (embedded ? " embedded" : " NOT EMBEDDED"));
                }
            }
        } finally {
            reader.close();
        }
        assertThat(fonts).isNotEmpty().allMatch(f -> f.endsWith(" embedded"));
        if (popplerAvailable()) {
            Path file = Files.createTempFile("mz-check", ".pdf");
            try {
                Files.write(file, pdf);
                String listing = run("pdffonts", file.toString());
                List<String> rows = listing.lines().skip(2).toList();
                assertThat(rows).as(listing).isNotEmpty();
                // columns: name type encoding emb sub uni object ID
                assertThat(rows)
                        .as(listing)
                        .allMatch(row -> row.contains("Identity-H") && row.matches(".*\\byes\\s+yes\\s+yes\\b.*"));
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
