package cn.minzheng.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileSignatureTest {

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Two MPEG-1 layer III frames, 128 kbit/s at 44.1 kHz: 417 bytes each. */
    static byte[] mp3() {
        byte[] out = new byte[417 * 2];
        for (int frame = 0; frame < 2; frame++) {
            out[frame * 417] = (byte) 0xFF;
            out[frame * 417 + 1] = (byte) 0xFB;
            out[frame * 417 + 2] = (byte) 0x90;
            out[frame * 417 + 3] = (byte) 0x64;
        }
        return out;
    }

    /** A ZIP whose first part is {@code name}, stored, empty. */
    static byte[] zip(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[30 + n.length];
        System.arraycopy(bytes('P', 'K', 3, 4, 20, 0), 0, out, 0, 6);
        out[26] = (byte) n.length;
        System.arraycopy(n, 0, out, 30, n.length);
        return out;
    }

    @Test
    void tellsTheKindsTheModulesAcceptByTheirStructure() {
        assertThat(FileSignature.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileSignature.PDF);
        assertThat(FileSignature.of(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(FileSignature.JPEG);
        assertThat(FileSignature.of(
                        bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R')))
                .contains(FileSignature.PNG);
        assertThat(FileSignature.of(zip("word/document.xml"))).contains(FileSignature.ZIP);
        assertThat(FileSignature.zipKind(zip("word/document.xml"))).isEqualTo("docx");
        assertThat(FileSignature.zipKind(zip("OFD.xml"))).isEqualTo("ofd");
        assertThat(FileSignature.zipKind(zip("notes.txt"))).isEqualTo("zip");
        assertThat(FileSignature.of(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0)))
                .contains(FileSignature.MP4);
        assertThat(FileSignature.of(mp3())).contains(FileSignature.MP3);
        assertThat(FileSignature.of(bytes('I', 'D', '3', 4, 0, 0, 0, 0, 0x7F, 0x7F)))
                .as("an ID3 tag larger than what was read (cover art)")
                .contains(FileSignature.MP3);
        assertThat(FileSignature.of(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ')))
                .contains(FileSignature.WAV);
        assertThat(FileSignature.of(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)))
                .contains(FileSignature.OLE);
    }

    /** Issue 13 A8: a magic number followed by anything else is not the format. */
    @Test
    void aMagicNumberAloneIsNotAFormat() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] fakeMp3 = new byte[2 + html.length];
        fakeMp3[0] = (byte) 0xFF;
        fakeMp3[1] = (byte) 0xFB;
        System.arraycopy(html, 0, fakeMp3, 2, html.length);
        assertThat(FileSignature.of(fakeMp3)).isEmpty();
        byte[] oneFrameThenHtml = java.util.Arrays.copyOf(mp3(), 417 + html.length);
        System.arraycopy(html, 0, oneFrameThenHtml, 417, html.length);
        assertThat(FileSignature.of(oneFrameThenHtml))
                .as("no second frame where the first says")
                .isEmpty();
        assertThat(FileSignature.of("ID3<html>".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(FileSignature.of(bytes(0xFF, 0xD8, 0xFF, '<', 'h'))).isEmpty();
        assertThat(FileSignature.of(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, '<', 'h', 't', 'm')))
                .isEmpty();
        assertThat(FileSignature.of(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', '<', 'h', 't', 'm', 'l', '>', 0, 0)))
                .isEmpty();
        assertThat(FileSignature.of(bytes('P', 'K', 3, 4, 20, 0))).isEmpty();
        assertThat(FileSignature.of("%PDF-<html>".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    @Test
    void aDownloadIsNamedByWhatTheFileIs() {
        assertThat(UploadNames.withExtension("a.html", "mp3")).isEqualTo("a.mp3");
        assertThat(UploadNames.withExtension("报告", "pdf")).isEqualTo("报告.pdf");
        assertThat(UploadNames.withExtension(".html", "pdf")).isEqualTo("未命名.pdf");
    }

    @Test
    void textAndShortOrAlmostMatchingHeadsAreNone() {
        assertThat(FileSignature.of("record_id,id_number\n".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(FileSignature.of("%PDF without a version".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(FileSignature.of(bytes('P', 'K'))).isEmpty();
        assertThat(FileSignature.of(new byte[0])).isEmpty();
    }

    @Test
    void nulMarksUtf16TextNotUtf8OrGb18030() {
        assertThat(FileSignature.hasNul("姓名,身份证号".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(FileSignature.hasNul("姓名,身份证号".getBytes(java.nio.charset.Charset.forName("GB18030"))))
                .isFalse();
        assertThat(FileSignature.hasNul("record_id,姓名".getBytes(StandardCharsets.UTF_16LE)))
                .isTrue();
    }
}
