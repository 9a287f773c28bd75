package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdStatus;

/**
 * Decides whether a name + birth date candidate may stand as a NAME_BIRTH link, using what is left of the record's
 * number as corroboration. The number is never repaired: a damaged number can only rule a namesake out.
 *
 * <ul>
 *   <li>a typo (bad check character, bad date): the 17 digits may differ from the person's in at most two places —
 *       one substitution or one transposition;
 *   <li>spreadsheet damage: the digits that survived (the first 15 of "…000", or the mantissa of "6.10113E+17") must
 *       be a prefix of the person's number;
 *   <li>no number, or one that belongs to someone else (a family member's): name and birth date alone.
 * </ul>
 */
public final class ResidueJudge {

    private ResidueJudge() {}

    /**
     * @param status the record's number status ({@code null} when the record carried another person's usable number)
     * @param recordIdText the cleaned number as recorded (may be null)
     * @param personIdText the probe person's 18-character number (may be null)
     */
    public static boolean accept(IdStatus status, String recordIdText, String personIdText) {
        if (status == null || status == IdStatus.EMPTY || recordIdText == null || recordIdText.isEmpty()) {
            return true;
        }
        if (personIdText == null || personIdText.length() != 18) {
            return true; // nothing to corroborate against
        }
        return switch (status) {
            case BAD_CHECK, BAD_DATE -> recordIdText.length() == 18 && hamming17(recordIdText, personIdText) <= 2;
            case EXCEL_DAMAGED -> survivingDigitsMatch(recordIdText, personIdText);
            case MALFORMED -> true;
            default -> true;
        };
    }

    private static int hamming17(String a, String b) {
        int differences = 0;
        for (int i = 0; i < 17; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
            }
        }
        return differences;
    }

    private static boolean survivingDigitsMatch(String damaged, String person) {
        StringBuilder digits = new StringBuilder(18);
        if (damaged.length() == 18 && damaged.endsWith("000")) {
            digits.append(damaged, 0, 15);
        } else {
            int e = damaged.indexOf('E');
            String mantissa = e >= 0 ? damaged.substring(0, e) : damaged;
            for (int i = 0; i < mantissa.length(); i++) {
                char c = mantissa.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                }
            }
            // the last shown digit may be rounded; trailing zeros carry no information
            digits.setLength(Math.max(0, digits.length() - 1));
            while (digits.length() > 1 && digits.charAt(digits.length() - 1) == '0') {
                digits.setLength(digits.length() - 1);
            }
        }
        if (digits.length() == 0 || digits.length() > 17) {
            return false;
        }
        return person.startsWith(digits.toString());
    }
}
