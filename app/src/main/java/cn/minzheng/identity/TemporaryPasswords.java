package cn.minzheng.identity;

import java.security.SecureRandom;

/** One-time passwords: 16 characters from four classes, no look-alike characters; they meet the password policy. */
final class TemporaryPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.@#";

    private TemporaryPasswords() {}

    static String generate() {
        String all = UPPER + LOWER + DIGITS;
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        // One of each class at distinct positions, so that the result always meets the policy.
        password[3] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
        password[7] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
        password[10] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        password[12] = SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length()));
        return new String(password);
    }
}
