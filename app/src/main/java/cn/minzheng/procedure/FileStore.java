package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where attachments and issued documents live: files named by their SM3 hash under the data folder
 * ({@code minzheng.procedure.file-store}, default {@code <data dir>/files}; a shared volume when several instances run).
 * A file name from a user never reaches the file system; a stored file is never overwritten (same content, same
 * name), and is checked against its hash when read back.
 */
@Component
class FileStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileStore.class);

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final long maxBytes;

    FileStore(
            @Value("${minzheng.procedure.file-store:${minzheng.data-dir}/files}") Path root,
            @Value("${minzheng.procedure.max-attachment-bytes:52428800}") long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    record Stored(String sm3, long size, byte[] head) {}

    /** Stores the stream's content; returns its SM3, size and first bytes (for sniffing the type). */
    Stored put(InputStream in) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload", ".part");
            try {
                SM3Digest digest = new SM3Digest();
                byte[] head = new byte[cn.minzheng.platform.files.FileSignature.HEAD_BYTES];
                int headLength = 0;
                long size = 0;
                try (OutputStream out = Files.newOutputStream(temp)) {
                    byte[] buffer = new byte[64 * 1024];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        if (headLength < head.length) {
                            int n = Math.min(read, head.length - headLength);
                            System.arraycopy(buffer, 0, head, headLength, n);
                            headLength += n;
                        }
                        size += read;
                        if (size > maxBytes) {
                            throw new BusinessRuleViolation("文件超过大小限制（" + maxBytes / 1024 / 1024 + " MB）");
                        }
                        digest.update(buffer, 0, read);
                        out.write(buffer, 0, read);
                    }
                }
                byte[] hash = new byte[digest.getDigestSize()];
                digest.doFinal(hash, 0);
                String sm3 = HexFormat.of().formatHex(hash);
                Path target = path(sm3);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return new Stored(sm3, size, java.util.Arrays.copyOf(head, headLength));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stored put(byte[] content) {
        return put(new java.io.ByteArrayInputStream(content));
    }

    /** The stored content, after checking it still has its hash (a changed file is refused, not served). */
    byte[] read(String sm3) {
        byte[] content;
        try {
            content = Files.readAllBytes(path(sm3));
        } catch (java.nio.file.NoSuchFileException e) {
            log.error("文件存储中缺少文件 {}", sm3);
            throw new BusinessRuleViolation("文件存储中缺少该文件（SM3 " + sm3 + "），请联系系统管理员从备份恢复");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!cn.minzheng.shared.Sm3.hex(content).equals(sm3)) {
            log.error("文件存储中的文件 {} 与其哈希不符，可能被篡改", sm3);
            throw new BusinessRuleViolation("该文件与登记时的 SM3 哈希不符，可能已被篡改，已拒绝提供；请联系系统管理员");
        }
        return content;
    }

    InputStream open(String sm3) {
        try {
            return Files.newInputStream(path(sm3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String sm3) {
        if (sm3 == null || !HASH.matcher(sm3).matches()) {
            throw new IllegalArgumentException("not an SM3 hash");
        }
        return root.resolve("sm3")
                .resolve(sm3.substring(0, 2))
                .resolve(sm3.substring(2, 4))
                .resolve(sm3);
    }

    Path temporaryDirectory() {
        try {
            return Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
