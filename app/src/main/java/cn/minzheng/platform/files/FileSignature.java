package cn.minzheng.platform.files;

import java.util.Optional;

/**
 * What a file is by its first bytes, never by its name or the client's word. The upload checks of the modules
 * (resident imports, verification deliveries and evidence, case records) each accept their own kinds and word their
 * own refusals; the signatures are known here once.
 */
public enum FileSignature {
    /** The PDF header, {@code %PDF-}. */
    PDF,
    JPEG,
    PNG,
    /** A ZIP container: .xlsx, .docx, OFD and plain archives. */
    ZIP,
    /** An ISO media file (MP4) by its {@code ftyp} box. */
    MP4,
    /** MP3: an ID3 tag or an MPEG audio frame sync. */
    MP3,
    WAV,
    /** An OLE compound file: an old Excel (.xls) or a password-protected workbook. */
    OLE;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] ID3 = {'I', 'D', '3'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WAVE = {'W', 'A', 'V', 'E'};

    /** How much of a file {@link #hasNul} looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    /** Whether the file's first bytes carry this signature. */
    public boolean matches(byte[] head) {
        return switch (this) {
            case PDF -> startsWith(head, 0, PDF_MAGIC);
            case JPEG -> startsWith(head, 0, JPEG_MAGIC);
            case PNG -> startsWith(head, 0, PNG_MAGIC);
            case ZIP -> startsWith(head, 0, ZIP_MAGIC);
            case MP4 -> head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
            case MP3 ->
                startsWith(head, 0, ID3) || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0);
            case WAV -> head.length >= 12 && startsWith(head, 0, RIFF) && startsWith(head, 8, WAVE);
            case OLE -> startsWith(head, 0, OLE_MAGIC);
        };
    }

    /** The first signature, in declaration order, that the file's first bytes carry. */
    public static Optional<FileSignature> of(byte[] head) {
        for (FileSignature signature : values()) {
            if (signature.matches(head)) {
                return Optional.of(signature);
            }
        }
        return Optional.empty();
    }

    /** Text in UTF-8 or GB18030 never contains NUL; UTF-16 text and binaries do. Looks at the first 64 KB. */
    public static boolean hasNul(byte[] head) {
        int end = Math.min(head.length, HEAD_BYTES);
        for (int i = 0; i < end; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
