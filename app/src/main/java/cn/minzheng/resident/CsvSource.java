package cn.minzheng.resident;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks) in UTF-8 — with or without the
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

    /** Records with the line each starts on; a record is a list of fields. */
    record Record(int line, List<String> fields) {}

    static List<Record> parse(String text, int maxRecords, int maxFieldLength) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        append(field, '"', maxFieldLength);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, c, maxFieldLength);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.isEmpty() && !fieldStarted) {
                        quoted = true;
                        fieldStarted = true;
                    } else {
                        append(field, c, maxFieldLength); // a stray quote inside a field is kept as text
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                }
                case '\r' -> {
                    // the \n that follows ends the record; a lone \r (old Mac files) ends it too
                    if (i + 1 < length && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    line = endRecord(records, fields, field, recordLine, line, maxRecords);
                    recordLine = line;
                    fieldStarted = false;
                }
                case '\n' -> {
                    line = endRecord(records, fields, field, recordLine, line, maxRecords);
                    recordLine = line;
                    fieldStarted = false;
                }
                default -> {
                    append(field, c, maxFieldLength);
                    fieldStarted = true;
                }
            }
        }
        if (!field.isEmpty() || !fields.isEmpty() || fieldStarted) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    private static int endRecord(
            List<Record> records, List<String> fields, StringBuilder field, int recordLine, int line, int maxRecords) {
        fields.add(field.toString());
        field.setLength(0);
        records.add(new Record(recordLine, List.copyOf(fields)));
        fields.clear();
        if (records.size() > maxRecords) {
            throw new ImportRefused("文件超过 " + (maxRecords - 1) + " 行，请拆分成几个文件分批导入");
        }
        return line + 1;
    }

    private static void append(StringBuilder field, char c, int max) {
        if (field.length() < max) {
            field.append(c);
        }
    }
}
