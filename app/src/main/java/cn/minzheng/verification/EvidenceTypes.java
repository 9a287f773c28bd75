package cn.minzheng.verification;

import cn.minzheng.platform.files.FileSignature;
import java.util.Optional;

/** The kinds of evidence files accepted with an objection, told by their first bytes, never by the client's word. */
final class EvidenceTypes {

    private EvidenceTypes() {}

    static Optional<String> of(byte[] content) {
        return FileSignature.of(content).flatMap(signature -> switch (signature) {
            case PDF -> Optional.of("application/pdf");
            case JPEG -> Optional.of("image/jpeg");
            case PNG -> Optional.of("image/png");
            default -> Optional.empty();
        });
    }

    /** The extension a download of this type is named with. */
    static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            default -> "png";
        };
    }
}
