package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import java.util.Arrays;

/**
 * What an uploaded file is, judged by its first bytes (never by its name): the formats case records use — scans and
 * photos, PDF/OFD documents, audio and video of on-site enforcement (音像记录).
 */
final class ContentTypes {

    record Kind(String contentType, String extension) {}

    private ContentTypes() {}

    static Kind sniff(byte[] head) {
        if (starts(head, "%PDF-".getBytes())) {
            return new Kind("application/pdf", "pdf");
        }
        if (starts(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return new Kind("image/jpeg", "jpg");
        }
        if (starts(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return new Kind("image/png", "png");
        }
        if (starts(head, new byte[] {'P', 'K', 3, 4})) {
            return new Kind("application/zip", "zip"); // OFD, DOCX, XLSX are ZIP containers
        }
        if (head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return new Kind("video/mp4", "mp4");
        }
        if (starts(head, "ID3".getBytes())
                || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return new Kind("audio/mpeg", "mp3");
        }
        if (head.length >= 12 && starts(head, "RIFF".getBytes()) && new String(head, 8, 4).equals("WAVE")) {
            return new Kind("audio/wav", "wav");
        }
        throw new BusinessRuleViolation("不支持的文件类型：请上传 PDF、OFD、JPEG、PNG、MP4、MP3 或 WAV 文件");
    }

    private static boolean starts(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
