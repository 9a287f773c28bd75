package cn.minzheng.identity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps, a
 * 160-bit secret written in Base32. The arithmetic is java-otp's; this class only knows the steps and the
 * {@code otpauth://} enrolment URI.
 */
final class Totp {

    static final long STEP_SECONDS = 30;
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    static long step(Instant now) {
        return now.getEpochSecond() / STEP_SECONDS;
    }

    static String code(String base32Secret, long step) {
        try {
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(base32Secret), GENERATOR.getAlgorithm());
            return GENERATOR.generateOneTimePasswordString(
                    key, Instant.ofEpochSecond(step * STEP_SECONDS), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The time step whose code this is, allowing one step of clock drift either way; -1 when none. Steps at or before
     * {@code lastUsed} do not count: a code works once (RFC 6238 §5.2).
     */
    static long matchingStep(String base32Secret, String code, Instant now, long lastUsed) {
        String typed = code == null ? "" : code.replace(" ", "").strip();
        if (!typed.matches("[0-9]{6}")) {
            return -1;
        }
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsed
                    && MessageDigest.isEqual(
                            code(base32Secret, step).getBytes(StandardCharsets.US_ASCII),
                            typed.getBytes(StandardCharsets.US_ASCII))) {
                return step;
            }
        }
        return -1;
    }

    /** What the QR code holds: {@code otpauth://totp/<issuer>:<account>?secret=…&issuer=…}. */
    static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer + ":" + account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
