package cn.minzheng.verification;

import java.util.Optional;

/** The kinds of evidence files accepted with an objection, told by their first bytes, never by the client's word. */
final class EvidenceTypes {

    private EvidenceTypes() {}

    static Optional<String> of(byte[] content) {
        if (starts(content, 0x25, 0x50, 0x44, 0x46)) {
            return Optional.of("application/pdf");
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
