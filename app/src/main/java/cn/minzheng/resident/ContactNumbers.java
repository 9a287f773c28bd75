package cn.minzheng.resident;

import java.util.Optional;

/** Phone numbers and bank account numbers: normalisation, validation and masking. */
final class ContactNumbers {

    private ContactNumbers() {}

    /**
     * A mobile number (11 digits starting with 1) or a landline with its area code (029-88886666 → 02988886666);
     * blanks, hyphens, brackets and a +86 prefix are dropped. Empty when it is not a phone number.
     */
    static Optional<String> phone(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = digitsOnly(raw, "+-()（）－ \u3000");
        if (digits == null) {
            return Optional.empty();
        }
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        if (digits.matches("1[3-9][0-9]{9}") || digits.matches("0[1-9][0-9]{1,2}[2-9][0-9]{6,7}")) {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    /** 138****5678 for mobiles; the area code and the last four digits for landlines. */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() == 11 && phone.charAt(0) == '1') {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        int area = phone.startsWith("01") || phone.startsWith("02") ? 3 : 4;
        return phone.substring(0, area) + "-****" + phone.substring(phone.length() - 4);
    }

    /** 10–30 digits, blanks and hyphens dropped. */
    static Optional<String> bankAccount(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = digitsOnly(raw, "- \u3000");
        return digits != null && digits.length() >= 10 && digits.length() <= 30
                ? Optional.of(digits)
                : Optional.empty();
    }

    static String maskBankAccount(String account) {
        return account == null ? null : "****" + account.substring(account.length() - 4);
    }

    private static String digitsOnly(String raw, String ignorable) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') {
                c = (char) (c - 0xFEE0);
            }
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (ignorable.indexOf(c) < 0) {
                return null;
            }
            if (out.length() > 40) {
                return null;
            }
        }
        return out.toString();
    }
}
