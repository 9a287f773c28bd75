package cn.minzheng.platform;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * CSV (RFC 4180: a quoted field may hold separators, quotes and line breaks) read and written through Jackson's CSV
 * module, the one CSV library of the platform. Reading gives each record with the line of the file it starts on — the
 * row number a spreadsheet shows — so that a refusal can name the row. Writing quotes a field only where needed.
 */
public final class Csv {

    /** The byte-order mark that makes Excel open a UTF-8 CSV as UTF-8 (without it, Excel guesses GB18030). */
    public static final String BOM = "\uFEFF";

    private static final CsvMapper MAPPER =
            CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();

    private static final ObjectWriter CRLF =
            MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));
    private static final ObjectWriter LF = MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\n"));

    private Csv() {}

    /** One record and the line it starts on (1 for the first line of the file). */
    public record Row(int line, List<String> fields) {

        public Row {
            fields = List.copyOf(fields);
        }

        /** The field at {@code index} (0-based), or "" when the record is shorter. */
        public String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        /** No field holds anything but white space (an empty line, or a row of empty cells). */
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The file is not well-formed CSV at {@code line}; {@code reason} says why in words a clerk understands. */
    public static final class Malformed extends RuntimeException {

        private final int line;
        private final String reason;

        Malformed(int line, String reason, Throwable cause) {
            super("第" + line + "行：" + reason, cause);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }

    /** Every record of a comma-separated text; a leading byte-order mark is dropped. */
    public static List<Row> read(String text) {
        return read(text, ',');
    }

    /** Every record of a text with the given separator; a leading byte-order mark is dropped. */
    public static List<Row> read(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        read(text, separator, rows::add);
        return rows;
    }

    /** Hands the records to {@code each} one by one (which may throw to stop early, e.g. at a size limit). */
    public static void read(String text, char separator, Consumer<Row> each) {
        try (Rows rows = open(new StringReader(text), separator)) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                each.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
    }

    /** Reads records from {@code in} as they are needed (a large or compressed file); close it when done. */
    public static Rows open(Reader in, char separator) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first >= 0 && first != BOM.charAt(0)) {
            reader.unread(first);
        }
        try {
            return new Rows(MAPPER.reader()
                    .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                    .createParser(reader));
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    /** Records read one at a time. */
    public static final class Rows implements AutoCloseable {

        private final JsonParser parser;
        /** Where the next record starts when it has no field to tell (an empty line). */
        private int nextLine = 1;

        private Rows(JsonParser parser) {
            this.parser = parser;
        }

        /** The next record, or null at the end of the input. */
        public Row next() throws IOException {
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                int line = nextLine;
                List<String> fields = new ArrayList<>();
                for (token = parser.nextToken();
                        token != null && token != JsonToken.END_ARRAY;
                        token = parser.nextToken()) {
                    if (fields.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getString());
                }
                nextLine = parser.currentLocation().getLineNr();
                return new Row(line, fields);
            } catch (JacksonIOException e) {
                throw e.getCause();
            } catch (JacksonException e) {
                int at = e.getLocation() == null ? nextLine : e.getLocation().getLineNr();
                throw new Malformed(at, reason(e), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                parser.close();
            } catch (JacksonIOException e) {
                throw e.getCause();
            }
        }
    }

    private static String reason(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("Missing closing quote")) {
            return "带引号的内容缺少结束的引号（CSV 格式错误）";
        }
        if (message.contains("Expected column separator")) {
            return "结束引号后应紧跟分隔符或换行（CSV 格式错误，字段中的引号须写成两个引号）";
        }
        return "不是有效的 CSV 格式";
    }

    /** One record, fields quoted where needed, ended by CR LF (what Excel writes). */
    public static String line(String... fields) {
        return line(Arrays.asList(fields), "\r\n");
    }

    /** One record, fields quoted where needed (null is an empty field), ended by {@code lineEnd}. */
    public static String line(List<String> fields, String lineEnd) {
        ObjectWriter writer = switch (lineEnd) {
            case "\r\n" -> CRLF;
            case "\n" -> LF;
            default -> MAPPER.writer(CsvSchema.emptySchema().withLineSeparator(lineEnd));
        };
        return writer.writeValueAsString(
                fields.stream().map(f -> f == null ? "" : f).toArray(String[]::new));
    }

    /**
     * A field for a file people open in a spreadsheet (exports, rejection reports): a value starting with = + - @ (or a
     * tab or carriage return) would be taken for a formula — CSV injection — so it gets a leading apostrophe.
     */
    public static String spreadsheetSafe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** {@link #line(String...)} with every field made {@link #spreadsheetSafe}. */
    public static String spreadsheetLine(String... fields) {
        String[] safe = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            safe[i] = spreadsheetSafe(fields[i]);
        }
        return line(safe);
    }

    /** {@code text} as UTF-8 bytes with the byte-order mark in front, for Excel. */
    public static byte[] utf8WithBom(String text) {
        return (BOM + text).getBytes(StandardCharsets.UTF_8);
    }
}
