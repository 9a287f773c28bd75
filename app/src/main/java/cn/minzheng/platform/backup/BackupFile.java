package cn.minzheng.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The backup file's envelope: an OpenPGP message (RFC 4880) encrypted with AES-256 under a key derived from the
 * passphrase (iterated and salted SHA-256, the largest iteration count), integrity-protected (MDC), its content
 * compressed (ZLIB). A standard format on purpose: a backup can be checked and opened on any machine with GnuPG
 * ({@code gpg --decrypt}), without the platform. What is inside is a tar archive ({@link BackupArchive}).
 */
final class BackupFile {

    /** Bytes of the S2K iteration count: 0xff = 65 011 712 bytes hashed for the key. */
    private static final int S2K_COUNT = 0xff;

    private static final int BUFFER = 1 << 16;

    private BackupFile() {}

    /** An encrypting, compressing stream; closing it finishes the message (and leaves {@code out} open). */
    static OutputStream encrypting(OutputStream out, char[] passphrase) throws IOException {
        try {
            PGPEncryptedDataGenerator encrypted =
                    new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(true)
                            .setSecureRandom(new SecureRandom()));
            encrypted.addMethod(new BcPBEKeyEncryptionMethodGenerator(
                    passphrase, new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), S2K_COUNT));
            OutputStream encryptedOut = encrypted.open(out, new byte[BUFFER]);
            PGPCompressedDataGenerator compressed = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
            OutputStream compressedOut = compressed.open(encryptedOut, new byte[BUFFER]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream literalOut = literal.open(
                    compressedOut, PGPLiteralData.BINARY, "minzheng-backup.tar", new Date(), new byte[BUFFER]);
            return new java.io.FilterOutputStream(literalOut) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    literalOut.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    literal.close();
                    compressed.close();
                    encrypted.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("无法加密备份：" + e.getMessage(), e);
        }
    }

    /** The decrypted content; {@link Opened#verify()} after reading all of it says whether it is intact. */
    static Opened open(InputStream in, char[] passphrase) throws IOException {
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
            Object first = factory.nextObject();
            while (first != null && !(first instanceof PGPEncryptedDataList)) {
                first = factory.nextObject(); // a marker packet may come first
            }
            if (!(first instanceof PGPEncryptedDataList list)
                    || list.isEmpty()
                    || !(list.get(0) instanceof PGPPBEEncryptedData encrypted)) {
                throw new Refused("这不是民政平台的备份文件（不是用口令加密的 OpenPGP 文件）");
            }
            InputStream clear;
            try {
                clear = encrypted.getDataStream(
                        new BcPBEDataDecryptorFactory(passphrase, new BcPGPDigestCalculatorProvider()));
            } catch (PGPException e) {
                throw new Refused("备份口令不对（MINZHENG_BACKUP_PASSPHRASE 与备份时的口令不同），或文件已损坏");
            }
            BcPGPObjectFactory inner = new BcPGPObjectFactory(clear);
            Object next = inner.nextObject();
            if (next instanceof PGPCompressedData compressed) {
                inner = new BcPGPObjectFactory(compressed.getDataStream());
                next = inner.nextObject();
            }
            if (!(next instanceof PGPLiteralData literal)) {
                throw new Refused("备份文件的内容无法识别");
            }
            return new Opened(literal.getInputStream(), encrypted);
        } catch (PGPException e) {
            throw new Refused("备份口令不对，或文件已损坏（" + e.getMessage() + "）");
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused("备份口令不对，或文件已损坏");
        }
    }

    /** The content of a backup being read, and the check of its integrity once it has been read to the end. */
    record Opened(InputStream content, PGPPBEEncryptedData encrypted) {

        /** True only if the whole content was read and matches what was written (no byte changed, none missing). */
        boolean verify() {
            try {
                content.transferTo(OutputStream.nullOutputStream());
                return encrypted.isIntegrityProtected() && encrypted.verify();
            } catch (IOException | PGPException e) {
                return false;
            }
        }
    }

    /** A backup that cannot be used, with the one-line reason for the operator. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
