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

    static Kind sniff(byte[] head) {
        return FileSignature.of(head)
                .map(signature -> switch (signature) {
                    case PDF -> new Kind("application/pdf", "pdf");
                    case JPEG -> new Kind("image/jpeg", "jpg");
                    case PNG -> new Kind("image/png", "png");
                    case ZIP -> new Kind("application/zip", "zip"); // OFD, DOCX, XLSX are ZIP containers
                    case MP4 -> new Kind("video/mp4", "mp4");
                    case MP3 -> new Kind("audio/mpeg", "mp3");
                    case WAV -> new Kind("audio/wav", "wav");
                    case OLE -> null;
                })
                .orElseThrow(() -> new BusinessRuleViolation("不支持的文件类型：请上传 PDF、OFD、JPEG、PNG、MP4、MP3 或 WAV 文件"));
    }
}
