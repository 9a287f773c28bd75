package cn.minzheng.verification.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict check that a record's bytes are valid in the delivery's encoding. UTF-8 is checked by hand (the common case,
 * on every record that has a Chinese name); other encodings go through a reporting decoder.
 */
final class EncodingCheck {

    private final boolean utf8;
    private final CharsetDecoder decoder;

    EncodingCheck(Charset charset) {
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    boolean valid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        if (i == to) {
            return true;
        }
        return utf8 ? validUtf8(bytes, i, to) : validDecoded(bytes, from, to);
    }

    private boolean validDecoded(byte[] bytes, int from, int to) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean validUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= to) {
                return false;
            }
            int cp = b & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
