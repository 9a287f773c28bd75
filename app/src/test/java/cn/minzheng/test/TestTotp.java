package cn.minzheng.test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The authenticator app of the test district's administrators: codes for {@link TestDistrict#TOTP_SECRET}. The
 * platform takes each 30-second code once (and the codes of the neighbouring steps, for clock drift), so a test that
 * signs the same administrator in again gets the next step's code: three sign-ins per half minute, then it waits. Steps are remembered for the whole JVM: a test class starts from a fresh database, where
 * nothing was used yet, so this errs on the safe side.
 */
public final class TestTotp {

    private static final long STEP = 30;
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TestTotp() {}

    /**
     * A code for the account that the platform has not seen used yet: of the previous, the current or the next step,
     * which the platform accepts for clock drift. Never in the last two seconds of a step, so that the previous step is
     * still the platform's previous step when the code arrives.
     */
    public static synchronized String next(String username) {
        while (true) {
            long seconds = Instant.now().getEpochSecond();
            if (seconds % STEP >= STEP - 2) {
                pause();
                continue;
            }
            long now = seconds / STEP;
            long step = Math.max(now - 1, LAST_STEP.getOrDefault(username, 0L) + 1);
            if (step <= now + 1) {
                LAST_STEP.put(username, step);
                return code(TestDistrict.TOTP_SECRET, step);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String code(String base32Secret, long step) {
        try {
            TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
            return totp.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), totp.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP),
                    Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
