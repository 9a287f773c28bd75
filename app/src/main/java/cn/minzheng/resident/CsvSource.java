package cn.minzheng.resident;

import cn.minzheng.platform.Csv;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a CSV file (through {@link Csv}: quoted fields may hold commas, quotes and line breaks) in UTF-8 — with or without the
 * byte-order mark Excel writes — or in GB18030, the encoding Chinese Excel uses by default. The encoding is detected:
 * a file that decodes as strict UTF-8 is UTF-8, otherwise it must decode as GB18030. Row numbers are the line on which
 * a record starts, which is the row number a spreadsheet shows for the same file.
 */
final class CsvSource {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSource() {}

    record Decoded(String text, String encoding) {}

    static Decoded decode(byte[] content) {
        int offset = 0;
        if (content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (content.length >= 2
                && (((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE)
                        || ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF))) {
            throw new ImportRefused("文件是 UTF-16（“Unicode 文本”）编码，请另存为“CSV UTF-8”或 GB18030 编码的 CSV");
        }
        String utf8 = strict(content, offset, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        String gb = strict(content, 0, GB18030);
        if (gb != null) {
            return new Decoded(gb, "GB18030");
        }
        throw new ImportRefused("无法识别文件编码：既不是 UTF-8 也不是 GB18030，请在 Excel 中另存为“CSV UTF-8”");
    }

    private static String strict(byte[] content, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Hands each record of the decoded text, with the line it starts on, to {@code each}; more than {@code maxRecords}
     * records refuse the file, and a field longer than {@code maxFieldLength} is cut there (the row's check then
     * names it).
     */
    static void parse(String text, int maxRecords, int maxFieldLength, Consumer<Csv.Row> each) {
        int[] count = {0};
        try {
            Csv.read(text, ',', row -> {
                if (++count[0] > maxRecords) {
                    throw new ImportRefused("文件超过 " + (maxRecords - 1) + " 行，请拆分成几个文件分批导入");
                }
                each.accept(new Csv.Row(
                        row.line(),
                        row.fields().stream()
                                .map(f -> f.length() > maxFieldLength ? f.substring(0, maxFieldLength) : f)
                                .toList()));
            });
        } catch (Csv.Malformed e) {
            throw new ImportRefused("第 " + e.line() + " 行：" + e.reason());
        }
    }
}
