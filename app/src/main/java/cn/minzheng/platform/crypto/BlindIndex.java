package cn.minzheng.platform.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Blind indexes for encrypted fields: HMAC-SM3 with a key kept outside the database, over the field's purpose and its
 * normalised value, cut to 128 bits. Equal values give equal indexes, so an exact lookup ("who has this ID number")
 * needs no decryption, while the database alone reveals nothing about the values. Callers normalise first: the index
 * of "61011319900101123x" and of "61011319900101123X" must be the same.
 */
@Component
public class BlindIndex {

    private static final int BYTES = 16;

    private final FieldKey key;

    BlindIndex(FieldKey key) {
        this.key = key;
    }

    public byte[] of(String purpose, String normalisedValue) {
        if (normalisedValue == null) {
            return null;
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key.blindIndexKey()));
        byte[] label = purpose.getBytes(StandardCharsets.UTF_8);
        mac.update(label, 0, label.length);
        mac.update((byte) 0);
        byte[] value = normalisedValue.getBytes(StandardCharsets.UTF_8);
        mac.update(value, 0, value.length);
        byte[] full = new byte[mac.getMacSize()];
        mac.doFinal(full, 0);
        byte[] out = new byte[BYTES];
        System.arraycopy(full, 0, out, 0, BYTES);
        return out;
    }
}
