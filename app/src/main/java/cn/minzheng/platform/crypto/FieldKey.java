package cn.minzheng.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The master key for personal fields, kept outside the database: {@code MINZHENG_FIELD_KEY} (Base64 or hex, at least
 * 16 bytes; required when several instances share a database), or else the file {@code secrets/field.key} under the
 * data folder, generated on first start with mode 600. Two working keys are derived from it with HMAC-SM3, one for
 * SM4-GCM encryption and one for blind indexes, so that a blind index never reuses the encryption key.
 *
 * <p>Losing the key makes every encrypted field unreadable: back the key up separately from the database backups.
 */
final class FieldKey {

    static final String FILE = "secrets/field.key";
    private static final int MASTER_BYTES = 32;

    private final byte[] encryption;
    private final byte[] blindIndex;
    private final byte[] auditAnchor;
    private final String fingerprint;
    private final String source;

    private FieldKey(byte[] master, String source) {
        this.encryption = Arrays.copyOf(derive(master, "minzheng/field-encryption/sm4-gcm/v1"), 16);
        this.blindIndex = derive(master, "minzheng/blind-index/hmac-sm3/v1");
        this.auditAnchor = derive(master, "minzheng/audit-anchor/hmac-sm3/v1");
        this.fingerprint = HexFormat.of().formatHex(derive(master, "minzheng/key-check/v1"), 0, 8);
        this.source = source;
        Arrays.fill(master, (byte) 0);
    }

    static FieldKey load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new FieldKey(decode(configured.strip()), "MINZHENG_FIELD_KEY");
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new FieldKey(
                        decode(Files.readString(file, StandardCharsets.US_ASCII).strip()), file.toString());
            }
            Files.createDirectories(file.getParent());
            trySetPermissions(file.getParent(), "rwx------");
            byte[] master = new byte[MASTER_BYTES];
            new SecureRandom().nextBytes(master);
            Path partial = file.resolveSibling("field.key.new");
            Files.deleteIfExists(partial);
            createPrivate(partial); // created with mode 600: the key is never readable by others, not even briefly
            Files.writeString(partial, Base64.getEncoder().encodeToString(master) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new FieldKey(master, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成字段加密密钥文件 " + file, e);
        }
    }

    private static byte[] decode(String text) {
        byte[] key;
        try {
            key = text.matches("[0-9a-fA-F]+") && text.length() % 2 == 0
                    ? HexFormat.of().parseHex(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("字段加密密钥不是有效的 Base64 或十六进制文本");
        }
        if (key.length < 16) {
            throw new IllegalStateException("字段加密密钥太短：至少需要 16 字节（建议 32 字节）");
        }
        return key;
    }

    private static void createPrivate(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
    }

    private static void trySetPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows development machines): rely on the folder's own protection
        }
    }

    static byte[] derive(byte[] key, String label) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] input = label.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    byte[] encryptionKey() {
        return encryption;
    }

    byte[] blindIndexKey() {
        return blindIndex;
    }

    byte[] auditAnchorKey() {
        return auditAnchor;
    }

    /** A public fingerprint of the key (not the key): shows whether the database was written with this key. */
    String fingerprint() {
        return fingerprint;
    }

    String source() {
        return source;
    }
}
