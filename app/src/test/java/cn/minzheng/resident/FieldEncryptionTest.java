package cn.minzheng.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.crypto.BlindIndex;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.test.TestPostgresSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** SM4-GCM with the key outside the database (a mode-600 file under the data folder); HMAC-SM3 blind indexes. */
@SpringBootTest
class FieldEncryptionTest {

    @Autowired
    FieldCipher cipher;

    @Autowired
    BlindIndex blind;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${minzheng.data-dir}")
    Path dataDir;

    @Test
    void encryptsWithAFreshNonceAndAuthenticatesValueAndPurpose() {
        byte[] once = cipher.encrypt("610113199001011234", "resident.id_number");
        byte[] twice = cipher.encrypt("610113199001011234", "resident.id_number");
        assertThat(once).isNotEqualTo(twice);
        assertThat(once[0]).isEqualTo((byte) 1);
        assertThat(once).hasSize(1 + 12 + 18 + 16);
        assertThat(cipher.decrypt(once, "resident.id_number")).isEqualTo("610113199001011234");
        byte[] tampered = once.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(tampered, "resident.id_number"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(once, "resident.phone")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt("𠮷", "x")).isNotNull();
        assertThat(cipher.decrypt(cipher.encrypt("𠮷", "x"), "x")).isEqualTo("𠮷");
    }

    @Test
    void blindIndexesAreDeterministicPerPurposeAndRevealNothing() {
        assertThat(blind.of("resident.id_number", "A")).isEqualTo(blind.of("resident.id_number", "A"));
        assertThat(blind.of("resident.id_number", "A")).isNotEqualTo(blind.of("resident.phone", "A"));
        assertThat(blind.of("resident.id_number", "A")).hasSize(16);
    }

    @Test
    void theKeyLivesInAPrivateFileAndOnlyItsFingerprintInTheDatabase() throws Exception {
        Path key = dataDir.toAbsolutePath().resolve("secrets/field.key");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        String fingerprint = TestPostgresSql.queryForObject(
                jdbc, "select value from platform_setting where key = 'crypto.field-key.fingerprint'", String.class);
        assertThat(fingerprint).hasSize(16);
        assertThat(Files.readString(key)).doesNotContain(fingerprint);
        long settingsWithKeyMaterial = TestPostgresSql.queryForObject(
                jdbc,
                "select count(*) from platform_setting where value = ?",
                Long.class,
                Files.readString(key).strip());
        assertThat(settingsWithKeyMaterial).isZero();
    }
}
