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
    private static final byte[] OLE_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] IHDR = {0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WAVE_FMT = {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '};

    /** How much of a file {@link #hasNul} looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    /**
     * Whether the file's first bytes are this format's: not a magic number alone but the structure that follows it
     * (issue 13 A8: two bytes {@code FF FB} passed as MP3). PDF: {@code %PDF-1.x}/{@code 2.x}; JPEG: SOI and a real
     * marker; PNG: signature and IHDR; ZIP: a well-formed first local header; MP4: an {@code ftyp} box of sane size
     * with a readable brand; MP3: an ID3v2 header with a sync-safe size, or MPEG audio frame headers with valid
     * version, layer, bit rate and sample rate, the next frame where the first one says; WAV: RIFF, WAVE and a
     * {@code fmt } chunk.
     */
    public boolean matches(byte[] head) {
        return switch (this) {
            case PDF ->
                startsWith(head, 0, PDF_MAGIC)
                        && head.length >= 8
                        && (head[5] == '1' || head[5] == '2')
                        && head[6] == '.'
                        && Character.isDigit(head[7]);
            case JPEG -> startsWith(head, 0, JPEG_MAGIC) && head.length >= 4 && jpegMarker(head[3] & 0xFF);
            case PNG -> startsWith(head, 0, PNG_MAGIC) && startsWith(head, 8, IHDR);
            case ZIP -> startsWith(head, 0, ZIP_MAGIC) && zipEntryName(head, 0) != null;
            case MP4 -> mp4(head);
            case MP3 -> Mp3Frames.valid(head);
            case WAV -> head.length >= 16 && startsWith(head, 0, RIFF) && startsWith(head, 8, WAVE_FMT);
            case OLE -> startsWith(head, 0, OLE_MAGIC);
        };
    }

    /** The extension a download of this kind is named with (a ZIP by what it holds, see {@link #zipKind}). */
    public String extension(byte[] head) {
        return switch (this) {
            case PDF -> "pdf";
            case JPEG -> "jpg";
            case PNG -> "png";
            case ZIP -> zipKind(head);
            case MP4 -> "mp4";
            case MP3 -> "mp3";
            case WAV -> "wav";
            case OLE -> "xls";
        };
    }

    /** What a ZIP container is by the names of its first parts: docx, xlsx, pptx, ofd, or a plain zip. */
    public static String zipKind(byte[] head) {
        int offset = 0;
        for (int entries = 0; entries < 64 && offset >= 0; entries++) {
            String name = zipEntryName(head, offset);
            if (name == null) {
                break;
            }
            if (name.startsWith("word/")) {
                return "docx";
            }
            if (name.startsWith("xl/")) {
                return "xlsx";
            }
            if (name.startsWith("ppt/")) {
                return "pptx";
            }
            if (name.equals("OFD.xml")) {
                return "ofd";
            }
            offset = nextZipEntry(head, offset);
        }
        return "zip";
    }

    private static boolean jpegMarker(int marker) {
        return (marker >= 0xE0 && marker <= 0xEF) // APP0 (JFIF) … APP15 (Exif is APP1)
                || marker == 0xDB // quantisation table
                || marker == 0xFE // comment
                || (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC);
    }

    private static boolean mp4(byte[] head) {
        if (head.length < 16 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return false;
        }
        long size = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (size < 16 || size > 4096 || size % 4 != 0) {
            return false;
        }
        for (int i = 8; i < 12; i++) {
            char c = (char) (head[i] & 0xFF);
            if (!(Character.isLetterOrDigit(c) || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** The name in a local file header at {@code offset}, when the header is well-formed; null otherwise. */
    private static String zipEntryName(byte[] head, int offset) {
        if (!startsWith(head, offset, ZIP_MAGIC) || head.length < offset + 30) {
            return null;
        }
        int version = (head[offset + 4] & 0xFF) | ((head[offset + 5] & 0xFF) << 8);
        int nameLength = (head[offset + 26] & 0xFF) | ((head[offset + 27] & 0xFF) << 8);
        if (version > 63 || nameLength < 1 || nameLength > 1024 || head.length < offset + 30 + nameLength) {
            return null;
        }
        for (int i = 0; i < nameLength; i++) {
            if ((head[offset + 30 + i] & 0xFF) < 0x20) {
                return null;
            }
        }
        return new String(head, offset + 30, nameLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Where the next local header starts, when the sizes are in this one (no data descriptor); -1 otherwise. */
    private static int nextZipEntry(byte[] head, int offset) {
        int flags = (head[offset + 6] & 0xFF) | ((head[offset + 7] & 0xFF) << 8);
        if ((flags & 0x08) != 0) {
            return -1;
        }
        long compressed = (head[offset + 18] & 0xFFL)
                | ((head[offset + 19] & 0xFFL) << 8)
                | ((head[offset + 20] & 0xFFL) << 16)
                | ((head[offset + 21] & 0xFFL) << 24);
        int nameLength = (head[offset + 26] & 0xFF) | ((head[offset + 27] & 0xFF) << 8);
        int extraLength = (head[offset + 28] & 0xFF) | ((head[offset + 29] & 0xFF) << 8);
        long next = offset + 30L + nameLength + extraLength + compressed;
        return next > head.length ? -1 : (int) next;
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

    static boolean startsWith(byte[] content, int offset, byte[] magic) {
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
