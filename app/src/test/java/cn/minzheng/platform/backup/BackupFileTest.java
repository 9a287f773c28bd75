package cn.minzheng.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 A3: the backup's envelope. What is written comes back only with the passphrase, unchanged; a wrong
 * passphrase is refused; a changed or cut-off file fails its integrity check; nothing of the content is readable in
 * the file; and a standard OpenPGP tool can open it (the envelope is checked against the format's packet tags).
 */
class BackupFileTest {

    private static final char[] PASSPHRASE = "Correct-Horse-Battery-2026".toCharArray();

    private static byte[] sealed(byte[] content) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = BackupFile.encrypting(file, PASSPHRASE)) {
            out.write(content);
        }
        return file.toByteArray();
    }

    private static byte[] content() {
        byte[] content = new byte[300_000];
        new Random(14).nextBytes(content);
        byte[] secret = "FIELD-KEY-00112233445566778899aabbccddeeff".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(secret, 0, content, 1000, secret.length);
        return content;
    }

    @Test
    void whatIsWrittenComesBackWithThePassphraseAndIntact() throws IOException {
        byte[] content = content();
        byte[] file = sealed(content);
        BackupFile.Opened opened = BackupFile.open(new ByteArrayInputStream(file), PASSPHRASE);
        assertThat(opened.content().readAllBytes()).isEqualTo(content);
        assertThat(opened.verify()).isTrue();
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("FIELD-KEY-");
        // an OpenPGP message: a symmetric-key session packet (tag 3) first
        assertThat(file[0] & 0x80).isEqualTo(0x80);
        int tag = (file[0] & 0x40) != 0 ? file[0] & 0x3f : (file[0] >> 2) & 0x0f;
        assertThat(tag).isEqualTo(3);
    }

    @Test
    void aWrongPassphraseIsRefusedInOneLine() throws IOException {
        byte[] file = sealed(content());
        assertThatThrownBy(() -> BackupFile.open(new ByteArrayInputStream(file), "Wrong-Passphrase-2026".toCharArray())
                        .content()
                        .readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("口令")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aChangedOrCutOffFileFailsItsIntegrityCheck() throws IOException {
        byte[] file = sealed(content());
        byte[] changed = file.clone();
        changed[changed.length / 2] ^= 0x01;
        assertThat(readsIntact(changed)).isFalse();
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 100);
        assertThat(readsIntact(cut)).isFalse();
        assertThat(readsIntact(file)).isTrue();
    }

    private static boolean readsIntact(byte[] file) {
        try {
            BackupFile.Opened opened = BackupFile.open(new ByteArrayInputStream(file), PASSPHRASE);
            return opened.verify();
        } catch (IOException e) {
            return false;
        }
    }
}
