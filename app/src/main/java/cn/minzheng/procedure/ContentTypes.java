package cn.minzheng.procedure;

import cn.minzheng.platform.files.FileSignature;
import cn.minzheng.shared.BusinessRuleViolation;

/**
 * What an uploaded file is, judged by its first bytes (never by its name): the formats case records use — scans and
 * photos, PDF/OFD documents, audio and video of on-site enforcement (音像记录).
 */
final class ContentTypes {

    record Kind(String contentType, String extension) {}

    private ContentTypes() {}

    /** The kind by the file's structure (not its magic number alone); the download is named by it. */
    static Kind sniff(byte[] head) {
        return FileSignature.of(head)
                .map(signature -> switch (signature) {
                    case PDF -> new Kind("application/pdf", "pdf");
                    case JPEG -> new Kind("image/jpeg", "jpg");
                    case PNG -> new Kind("image/png", "png");
                    case ZIP -> zip(FileSignature.zipKind(head));
                    case MP4 -> new Kind("video/mp4", "mp4");
                    case MP3 -> new Kind("audio/mpeg", "mp3");
                    case WAV -> new Kind("audio/wav", "wav");
                    case OLE -> null;
                })
                .orElseThrow(() -> new BusinessRuleViolation("不支持的文件类型：请上传 PDF、OFD、JPEG、PNG、MP4、MP3 或 WAV 文件"));
    }

    private static Kind zip(String kind) {
        return switch (kind) {
            case "ofd" -> new Kind("application/ofd", "ofd");
            case "docx" -> new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
            case "xlsx" -> new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
            case "pptx" ->
                new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
            default -> new Kind("application/zip", "zip");
        };
    }
}
