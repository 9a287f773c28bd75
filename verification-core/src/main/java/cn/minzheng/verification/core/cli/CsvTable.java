package cn.minzheng.verification.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the small-to-medium CSV files of the contract (probe, hits, truth) row by row, by column name. Deliveries of
 * source data go through the parallel loader instead.
 */
public final class CsvTable {

    private CsvTable() {}

    /** A row with access by the column positions resolved from the header. */
    public record Row(long line, List<String> values) {
        public String get(int index) {
            return index < values.size() ? values.get(index) : "";
        }
    }

    /**
     * Streams the rows of {@code file} to {@code consumer}; returns the positions of {@code columns} in the header.
     * Missing columns, bad encoding and a missing file become one-line {@link UserError}s.
     */
    public static int[] read(Path file, Charset charset, List<String> columns, Consumer<Row> consumer)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("file not found: " + file);
        }
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String headerLine = reader.readLine();
            line++;
            if (headerLine == null) {
                throw new UserError(file + ": empty file, expected a header row");
            }
            if (!headerLine.isEmpty() && headerLine.charAt(0) == '\uFEFF') {
                headerLine = headerLine.substring(1);
            }
            List<String> header = split(headerLine);
            int[] positions = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                positions[i] = indexOf(header, columns.get(i));
                if (positions[i] < 0) {
                    throw new UserError(file + ": missing required column " + columns.get(i));
                }
            }
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> values = split(text);
                List<String> picked = new ArrayList<>(positions.length);
                for (int position : positions) {
                    picked.add(position < values.size() ? values.get(position) : "");
                }
                consumer.accept(new Row(line, picked));
            }
            return positions;
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": line " + (line + 1) + " is not valid " + charset.name());
        }
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits one line per RFC 4180 (no line breaks inside fields in these files). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
