package cn.minzheng.resident;

import cn.minzheng.platform.files.FileSignature;
import cn.minzheng.platform.files.UploadNames;
import cn.minzheng.platform.files.WorkbookLimits;
import cn.minzheng.platform.files.ZipDirectory;

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

    static UploadedFile inspect(String originalName, byte[] content, long maxBytes) {
        String name = UploadNames.displayName(originalName);
        if (content == null || content.length == 0) {
            throw new ImportRefused("上传的文件是空的");
        }
        if (content.length > maxBytes) {
            throw new ImportRefused(
                    "文件过大：" + megabytes(content.length) + "，超过上限 " + megabytes(maxBytes) + "；请拆分成几个文件分批导入");
        }
        String extension = UploadNames.extension(name);
        switch (extension) {
            case "xlsx" -> {
                if (FileSignature.OLE.matches(content)) {
                    throw new ImportRefused("文件扩展名是 .xlsx，但内容是旧版 Excel（.xls）或加了密码的工作簿；请在 Excel 中去掉密码并“另存为 .xlsx”后导入");
                }
                if (!FileSignature.ZIP.matches(content)) {
                    throw new ImportRefused("文件扩展名是 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件）");
                }
                refuseZipBombs(content);
                return new UploadedFile(Kind.XLSX, name, content);
            }
            case "csv" -> {
                if (FileSignature.ZIP.matches(content)) {
                    throw new ImportRefused("文件扩展名是 .csv，但内容是 Excel 工作簿或压缩包；请把扩展名改为 .xlsx，或在 Excel 中“另存为 CSV”");
                }
                // refusing needs only the magic bytes (no text starts with %PDF-): a damaged or cut-off PDF is still
                // not a CSV; accepting a PDF is what checks its structure
                if (FileSignature.OLE.matches(content)
                        || FileSignature.PDF.matches(content)
                        || startsLikePdf(content)
                        || FileSignature.hasNul(content)) {
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

    private static boolean startsLikePdf(byte[] content) {
        return content.length >= 5
                && content[0] == '%'
                && content[1] == 'P'
                && content[2] == 'D'
                && content[3] == 'F'
                && content[4] == '-';
    }

    /**
     * A first look at the ZIP directory, so that a bomb is refused at once with a clear message: parts that claim to
     * inflate more than POI allows (the same ratio as its guard), too many parts, or a declared total beyond reason.
     * The declared sizes may lie; POI's guard, which stays on, measures the real ones while the sheet is read.
     */
    private static void refuseZipBombs(byte[] content) {
        ZipDirectory directory;
        try {
            directory = ZipDirectory.read(content);
        } catch (java.io.IOException e) {
            throw new ImportRefused("无法读取该 Excel 工作簿（文件可能已损坏，或不是 Excel 2007 及以上版本保存的 .xlsx）");
        }
        if (directory.hasSuspectPart()) {
            throw new ImportRefused("文件疑似“压缩炸弹”（解压后的体积是压缩体积的 " + directory.suspectRatio() + " 倍），为保护系统已拒绝导入");
        }
        if (directory.entries() > 1000 || directory.declaredBytes() > MAX_INFLATED_BYTES.maxDeclaredBytes()) {
            throw new ImportRefused("工作簿解压后过大（" + megabytes(directory.declaredBytes()) + "），已拒绝导入；请拆分成几个文件分批导入");
        }
    }

    /** What the rows an import may have can need, inflated (issue 13 A5). */
    private static final WorkbookLimits MAX_INFLATED_BYTES =
            new WorkbookLimits(ResidentImports.MAX_ROWS + 1, XlsxSource.MAX_COLUMNS, ResidentImports.MAX_CELL);

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
