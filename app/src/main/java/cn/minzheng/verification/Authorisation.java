package cn.minzheng.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One signed authorisation letter (授权书) of one person, for the programmes it names, over its validity. */
public record Authorisation(
        long id,
        long residentId,
        Long householdId,
        String communityCode,
        List<String> programmes,
        Signer signedBy,
        String proxyReason,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validTo,
        String documentSm3,
        String recordedBy,
        Instant recordedAt,
        LocalDate revokedOn,
        String revokedReason) {

    /** Who signed: the person, a guardian (no or limited civil capacity), a proxy with a written reason, or heirs. */
    public enum Signer {
        SELF("本人"),
        GUARDIAN("监护人"),
        PROXY("委托代签"),
        HEIR("继承人");

        private final String label;

        Signer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Valid on the date for the programme: signed, in its period, not revoked, naming the programme. */
    public boolean covers(String programme, LocalDate on) {
        return !validFrom.isAfter(on)
                && (validTo == null || !validTo.isBefore(on))
                && (revokedOn == null || revokedOn.isAfter(on))
                && (programmes.contains(programme) || programmes.contains(ALL));
    }

    public static final String ALL = "ALL";
}
