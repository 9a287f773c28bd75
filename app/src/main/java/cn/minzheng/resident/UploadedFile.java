package cn.minzheng.resident;

import java.util.Locale;

/**
 * An uploaded file checked before anything reads it: its size, its extension (.xlsx or .csv), and that its first bytes
 * are what the extension claims (an .xlsx is a ZIP container; a .csv is text, not a ZIP, an old Excel file or a PDF).
 * The file name is kept only for display; no path from it ever reaches the file system.
 */
record UploadedFile(Kind kind, String displayName, byte[] content) {

    enum Kind {
        XLSX,
        CSV
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF = {0x25, 0x50, 0x44, 0x46};

    static UploadedFile inspect(String originalName, byte[] content, long maxBytes) {
        String name = displayName(originalName);
        if (content == null || content.length == 0) {
            throw new ImportRefused("上传的文件是空的");
        }
        if (content.length > maxBytes) {
            throw new ImportRefused(
                    "文件过大：" + megabytes(content.length) + "，超过上限 " + megabytes(maxBytes) + "；请拆分成几个文件分批导入");
        }
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        switch (extension) {
            case "xlsx" -> {
                if (startsWith(content, OLE)) {
                    throw new ImportRefused("文件扩展名是 .xlsx，但内容是旧版 Excel（.xls）或加了密码的工作簿；请在 Excel 中去掉密码并“另存为 .xlsx”后导入");
                }
                if (!startsWith(content, ZIP)) {
                    throw new ImportRefused("文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件）");
                }
                refuseZipBombs(content);
                return new UploadedFile(Kind.XLSX, name, content);
            }
            case "csv" -> {
                if (startsWith(content, ZIP)) {
                    throw new ImportRefused("文件扩展名是 .csv，但内容是 Excel 工作簿或压缩包；请把扩展名改为 .xlsx，或在 Excel 中“另存为 CSV”");
                }
                if (startsWith(content, OLE) || startsWith(content, PDF) || hasNulBytes(content)) {
                    throw new ImportRefused("文件扩展名是 .csv，但内容不是文本（可能是改了扩展名的 Excel、PDF 或其他文件）");
                }
                return new UploadedFile(Kind.CSV, name, content);
            }
            case "xls" -> throw new ImportRefused("不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为 .xlsx”后导入");
            default ->
                throw new ImportRefused("只能导入 .xlsx 或 .csv 文件（所选文件的扩展名为“"
                        + (extension.isEmpty() ? "无" : PersonCheck.shorten(extension)) + "”）");
        }
    }

    /** The last path element, without control characters, at most 100 characters: for display only. */
    static String displayName(String originalName) {
        if (originalName == null || originalName.isBlank()) {
            return "未命名";
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            return "未命名";
        }
        return name.codePointCount(0, name.length()) > 100 ? name.substring(0, name.offsetByCodePoints(0, 100)) : name;
    }

    /**
     * A first look at the ZIP directory, so that a bomb is refused at once with a clear message: parts that claim to
     * inflate more than POI allows (the same ratio as its guard), too many parts, or a declared total beyond reason.
     * The declared sizes may lie; POI's guard, which stays on, measures the real ones while the sheet is read.
     */
    private static void refuseZipBombs(byte[] content) {
        double minRatio = org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio();
        long total = 0;
        int entries = 0;
        try (org.apache.commons.compress.archivers.zip.ZipFile zip =
                org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setSeekableByteChannel(
                                new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(content))
                        .get()) {
            var all = zip.getEntries();
            while (all.hasMoreElements()) {
                var entry = all.nextElement();
                entries++;
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > 0) {
                    total += size;
                }
                if (size > GRACE_BYTES && compressed >= 0 && (double) compressed / size < minRatio) {
                    throw new ImportRefused(
                            "文件疑似“压缩炸弹”（解压后的体积是压缩体积的 " + (size / Math.max(1, compressed)) + " 倍），为保护系统已拒绝导入");
                }
            }
        } catch (java.io.IOException e) {
            throw new ImportRefused("无法读取该 Excel 工作簿（文件可能已损坏，或不是 Excel 2007 及以上版本保存的 .xlsx）");
        }
        if (entries > 1000 || total > MAX_INFLATED_BYTES) {
            throw new ImportRefused("工作簿解压后过大（" + megabytes(total) + "），已拒绝导入；请拆分成几个文件分批导入");
        }
    }

    private static final long GRACE_BYTES = 1024 * 1024;
    private static final long MAX_INFLATED_BYTES = 1024L * 1024 * 1024;

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text in UTF-8 or GB18030 never contains NUL; UTF-16 text and binaries do. */
    private static boolean hasNulBytes(byte[] content) {
        int end = Math.min(content.length, 64 * 1024);
        for (int i = 0; i < end; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
