package cn.minzheng.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal fields at rest with SM4-GCM (GB/T 32907 block cipher in Galois/counter mode): a fresh 96-bit nonce
 * per value and a 128-bit tag. The field's name is authenticated with it ({@code purpose}, e.g.
 * {@code resident.id_number}), so a value copied into another column does not decrypt.
 *
 * <p>Stored form: version byte (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
 */
@Component
public class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final FieldKey key;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(FieldKey key) {
        this.key = key;
    }

    public byte[] encrypt(String plaintext, String purpose) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher cipher = cipher(true, nonce, purpose);
        byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(input.length)];
        out[0] = VERSION;
        System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
        int written = cipher.processBytes(input, 0, input.length, out, 1 + NONCE_BYTES);
        try {
            cipher.doFinal(out, 1 + NONCE_BYTES + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        return out;
    }

    /**
     * @throws IllegalStateException when the value was not written with this key and purpose (wrong key, tampered
     *     value, or a value moved from another column)
     */
    public String decrypt(byte[] sealed, String purpose) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("encrypted field has an unknown format");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 1, nonce, 0, NONCE_BYTES);
        GCMModeCipher cipher = cipher(false, nonce, purpose);
        int offset = 1 + NONCE_BYTES;
        byte[] out = new byte[cipher.getOutputSize(sealed.length - offset)];
        int written = cipher.processBytes(sealed, offset, sealed.length - offset, out, 0);
        try {
            written += cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encrypted field does not authenticate (wrong key or altered value)");
        }
        return new String(out, 0, written, StandardCharsets.UTF_8);
    }

    private GCMModeCipher cipher(boolean encrypting, byte[] nonce, String purpose) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        byte[] associated = purpose.getBytes(StandardCharsets.UTF_8);
        cipher.init(encrypting, new AEADParameters(new KeyParameter(key.encryptionKey()), TAG_BITS, nonce, associated));
        return cipher;
    }
}
