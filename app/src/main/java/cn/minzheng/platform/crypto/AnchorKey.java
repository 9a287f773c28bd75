package cn.minzheng.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Signs the audit chain's anchors: HMAC-SM3 under a key derived from the field master key, which lives outside the
 * database ({@code MINZHENG_FIELD_KEY} or {@code data/secrets/field.key}). Whoever controls the database alone can
 * neither forge an anchor nor make a rewritten chain match one.
 */
@Component
public class AnchorKey {

    private final byte[] key;

    AnchorKey(FieldKey fieldKey) {
        this.key = fieldKey.auditAnchorKey();
    }

    public String mac(String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    public boolean verify(String text, String macHex) {
        return macHex != null
                && MessageDigest.isEqual(
                        mac(text).getBytes(StandardCharsets.US_ASCII), macHex.getBytes(StandardCharsets.US_ASCII));
    }
}
