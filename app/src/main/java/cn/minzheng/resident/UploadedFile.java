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
