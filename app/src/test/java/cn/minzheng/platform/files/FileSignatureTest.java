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

    @Test
    void tellsTheKindsTheModulesAcceptByTheirFirstBytes() {
        assertThat(FileSignature.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileSignature.PDF);
        assertThat(FileSignature.of(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(FileSignature.JPEG);
        assertThat(FileSignature.of(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))
                .contains(FileSignature.PNG);
        assertThat(FileSignature.of(bytes('P', 'K', 3, 4, 20, 0))).contains(FileSignature.ZIP);
        assertThat(FileSignature.of(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm')))
                .contains(FileSignature.MP4);
        assertThat(FileSignature.of("ID3\u0004".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileSignature.MP3);
        assertThat(FileSignature.of(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E')))
                .contains(FileSignature.WAV);
        assertThat(FileSignature.of(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1))).contains(FileSignature.OLE);
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
