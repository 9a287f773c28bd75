package cn.minzheng.verification;

import cn.minzheng.platform.Csv;
import cn.minzheng.platform.files.FileSignature;
import cn.minzheng.platform.files.UploadNames;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Sm3;
import cn.minzheng.verification.core.store.DeliveryStreams;
import cn.minzheng.verification.core.store.Source;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A delivered file, checked before anything reads it for the store: its size, its kind by extension and first bytes
 * (a .csv is text — not a ZIP, an old Excel file, a PDF or UTF-16; an .xlsx is a ZIP whose directory does not promise a
 * bomb; a .csv.gz is gzip, a .zip an archive of exactly one file), its encoding (UTF-8, or GB18030 when chosen or
 * detected), and its header (the five common columns). A workbook becomes a UTF-8 CSV on the way; a compressed CSV
 * stays compressed — it is read through the engine's {@link DeliveryStreams}, here and by the load, never unpacked to
 * disk. Every refusal says in Chinese what is wrong; the file name is for display only.
 */
final class DeliveryFile {

    enum Kind {
        CSV,
        XLSX
    }

    /** The encoding the uploader says the CSV is in; AUTO takes UTF-8 when valid, else GB18030 when valid. */
    enum EncodingChoice {
        AUTO,
        UTF_8,
        GB18030;

        static EncodingChoice parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
                case "AUTO" -> AUTO;
                case "UTF_8", "UTF8" -> UTF_8;
                case "GB18030", "GBK", "GB2312" -> GB18030;
                default -> throw new BusinessRuleViolation("编码只能选择自动识别、UTF-8 或 GB18030");
            };
        }
    }

    /**
     * A file ready for the store: UTF-8 or GB18030 CSV at {@code csv} (compressed when {@code suffix} says so: the
     * file must keep that ending for the loader), with what the checks noticed.
     */
    record Prepared(
            Source source,
            Kind kind,
            String displayName,
            long bytes,
            String sm3,
            Path csv,
            String suffix,
            Charset charset,
            List<String> warnings) {}

    static final Charset GB18030 = Charset.forName("GB18030");

    private DeliveryFile() {}

    /**
     * Copies the upload into the incoming folder (never beyond {@code maxBytes}) and checks it. On refusal nothing is
     * left behind.
     */
    static Prepared prepare(
            String sourceCode,
            String originalName,
            InputStream content,
            EncodingChoice choice,
            long maxBytes,
            Path incoming) {
        String name = UploadNames.displayName(originalName);
        Source source = source(sourceCode, name);
        String extension = UploadNames.extension(name);
        boolean gzip = extension.equals("gz") && name.toLowerCase(Locale.ROOT).endsWith(".csv.gz");
        boolean zip = extension.equals("zip");
        String suffix = gzip ? ".csv.gz" : zip ? ".zip" : ".csv";
        Kind kind = switch (extension) {
            case "csv" -> Kind.CSV;
            case "gz", "zip" -> {
                if (!gzip && !zip) {
                    throw new BusinessRuleViolation("压缩的交付文件只能是 .csv.gz 或内含一个 CSV 文件的 .zip");
                }
                yield Kind.CSV;
            }
            case "xlsx" -> Kind.XLSX;
            case "xls" -> throw new BusinessRuleViolation("不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为 .xlsx”或 CSV 后上传");
            default ->
                throw new BusinessRuleViolation("交付文件只能是 .csv、.csv.gz、.zip 或 .xlsx（所选文件的扩展名为“"
                        + (extension.isEmpty() ? "无" : shorten(extension)) + "”）");
        };
        Path upload = incoming.resolve(UUID.randomUUID() + ".upload");
        Path csv = incoming.resolve(UUID.randomUUID() + suffix);
        boolean kept = false;
        try {
            long bytes = copyAtMost(content, upload, maxBytes);
            if (bytes == 0) {
                throw new BusinessRuleViolation("上传的文件是空的");
            }
            String sm3;
            try (InputStream in = Files.newInputStream(upload)) {
                sm3 = Sm3.hex(in);
            }
            byte[] head = head(upload);
            List<String> warnings = new ArrayList<>();
            Charset charset;
            if (kind == Kind.XLSX) {
                if (FileSignature.OLE.matches(head)) {
                    throw new BusinessRuleViolation("文件扩展名是 .xlsx，但内容是旧版 Excel（.xls）或加了密码的工作簿；请去掉密码并“另存为 .xlsx”");
                }
                if (!FileSignature.ZIP.matches(head)) {
                    throw new BusinessRuleViolation("文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件）");
                }
                DeliveryWorkbook.refuseBombs(upload);
                DeliveryWorkbook.toCsv(upload, csv);
                charset = StandardCharsets.UTF_8;
            } else if (gzip || zip) {
                // gzip's two magic bytes (RFC 1952)
                if (gzip && (head.length < 2 || (head[0] & 0xFF) != 0x1F || (head[1] & 0xFF) != 0x8B)) {
                    throw new BusinessRuleViolation("文件扩展名是 .csv.gz，但内容不是 gzip 压缩文件");
                }
                if (zip) {
                    checkArchive(upload);
                }
                Files.move(upload, csv);
                charset = encoding(csv, choice);
            } else {
                // refusing needs only the magic bytes (no text starts with PK\3\4): a damaged or cut-off workbook is
                // still not a CSV; accepting a ZIP is what checks its structure
                if (FileSignature.ZIP.matches(head) || startsLikeZip(head)) {
                    throw new BusinessRuleViolation("文件扩展名是 .csv，但内容是 Excel 工作簿或压缩包；请把扩展名改为 .xlsx，或“另存为 CSV”");
                }
                if (FileSignature.OLE.matches(head) || FileSignature.PDF.matches(head) || FileSignature.hasNul(head)) {
                    throw new BusinessRuleViolation("文件扩展名是 .csv，但内容不是文本（可能是改了扩展名的 Excel、PDF，或 UTF-16 编码的文本）");
                }
                charset = encoding(upload, choice);
                Files.move(upload, csv);
            }
            warnings.addAll(checkHeader(source, csv, charset));
            kept = true;
            return new Prepared(source, kind, name, bytes, sm3, csv, suffix, charset, List.copyOf(warnings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(upload);
            if (!kept) {
                deleteQuietly(csv);
            }
        }
    }

    /** A .zip delivery holds exactly one file, and it is a CSV (the archive's directory says so, nothing is unpacked). */
    private static void checkArchive(Path upload) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(upload.toFile())) {
            List<String> files = zip.stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(java.util.zip.ZipEntry::getName)
                    .toList();
            if (files.size() != 1) {
                throw new BusinessRuleViolation("压缩包内应只有一个 CSV 文件，实有 " + files.size() + " 个文件；请每个压缩包只放一个来源的 CSV");
            }
            if (!files.get(0).toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw new BusinessRuleViolation("压缩包内的文件“" + shorten(files.get(0)) + "”不是 .csv 文件");
            }
        } catch (java.util.zip.ZipException e) {
            throw new BusinessRuleViolation("文件扩展名是 .zip，但内容不是有效的压缩包");
        }
    }

    /** The source the file is for: the chosen code, or else the file's name ({@code vehicle.csv}, {@code vehicle.csv.gz}). */
    static Source source(String code, String displayName) {
        String stem = DeliveryStreams.codeOf(displayName);
        String wanted = code == null || code.isBlank()
                ? (stem != null
                        ? stem
                        : displayName.contains(".")
                                ? displayName.substring(0, displayName.lastIndexOf('.'))
                                : displayName)
                : code.strip();
        return Source.ofCode(wanted)
                .orElseThrow(() -> new BusinessRuleViolation("未知的数据来源代码“" + shorten(wanted)
                        + "”：应为 26 个来源代码之一（如 vehicle、real_estate），未选择来源时文件名须为“来源代码.csv”"));
    }

    /**
     * The CSV's encoding, checked over the whole file line by line so that a refusal can name the line. A file that
     * is valid UTF-8 is read as UTF-8 (with or without BOM); GB18030 only when chosen or, for AUTO, when valid.
     */
    static Charset encoding(Path file, EncodingChoice choice) throws IOException {
        long badUtf8 = firstInvalidLine(file, StandardCharsets.UTF_8);
        if (choice == EncodingChoice.UTF_8 || (choice == EncodingChoice.AUTO && badUtf8 == 0)) {
            if (badUtf8 > 0) {
                throw new BusinessRuleViolation(
                        "第 " + badUtf8 + " 行不是有效的 UTF-8 编码；如果文件是 GB18030（GBK）编码的，请在“文件编码”中选择 GB18030");
            }
            return StandardCharsets.UTF_8;
        }
        long badGb = firstInvalidLine(file, GB18030);
        if (badGb > 0) {
            throw new BusinessRuleViolation(
                    choice == EncodingChoice.GB18030
                            ? "第 " + badGb + " 行不是有效的 GB18030 编码；请确认文件编码后重新选择"
                            : "文件既不是有效的 UTF-8 编码（第 " + badUtf8 + " 行），也不是有效的 GB18030 编码（第 " + badGb
                                    + " 行）；请另存为 UTF-8 后上传");
        }
        return GB18030;
    }

    /** 1-based number of the first line that does not decode strictly, or 0 when all do. */
    static long firstInvalidLine(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(DeliveryStreams.open(file), 1 << 16)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
            long number = 1;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    if (!decodes(decoder, line.toByteArray())) {
                        return number;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
            return decodes(decoder, line.toByteArray()) ? 0 : number;
        }
    }

    private static boolean decodes(CharsetDecoder decoder, byte[] bytes) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The five common columns must be there; a missing own column loads as empty, an unknown one is ignored. */
    static List<String> checkHeader(Source source, Path csv, Charset charset) throws IOException {
        Csv.Row first;
        try (Csv.Rows reader = Csv.open(new java.io.InputStreamReader(DeliveryStreams.open(csv), charset), ',')) {
            first = reader.next();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BusinessRuleViolation("压缩文件已损坏，无法读出其中的 CSV");
        } catch (Csv.Malformed e) {
            throw new BusinessRuleViolation("第 1 行（表头）不是有效的 CSV：" + e.reason());
        }
        if (first == null || String.join(",", first.fields()).isBlank()) {
            throw new BusinessRuleViolation("文件是空的：第 1 行应为表头（" + String.join(",", source.header()) + "）");
        }
        List<String> header = new ArrayList<>();
        for (String field : first.fields()) {
            header.add(field.strip().toLowerCase(Locale.ROOT));
        }
        List<String> missing =
                Source.COMMON_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleViolation("缺少必需的列：" + String.join("、", missing) + "（" + source.title() + "交付文件的表头应为 "
                    + String.join(",", source.header()) + "）");
        }
        List<String> warnings = new ArrayList<>();
        for (var column : source.ownColumns()) {
            if (!header.contains(column.name())) {
                warnings.add("缺少 " + column.name() + " 列，该列按空值导入");
            }
        }
        for (String column : header) {
            if (!column.isEmpty() && !source.header().contains(column)) {
                warnings.add("未识别的列 " + shorten(column) + " 已忽略");
            }
        }
        return warnings;
    }

    private static long copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new BusinessRuleViolation("文件过大：超过上限 " + megabytes(maxBytes) + "；请按来源拆分或分批交付");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(FileSignature.HEAD_BYTES);
        }
    }

    static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 30 ? clean.substring(0, 30) + "…" : clean;
    }

    static String megabytes(long bytes) {
        return String.format("%.0f MB", bytes / 1024.0 / 1024.0);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in the private incoming folder is removed by the sweeper
        }
    }

    private static boolean startsLikeZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }
}
