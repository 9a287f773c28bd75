package cn.minzheng.assistance;

import cn.minzheng.verification.RequestingCases;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Tells the verification module which household an assistance case ({@code case:<kernel case id>}) is for, as the
 * caller sees it: a case outside the caller's scope is not there.
 */
@Component
class AssistanceCases implements RequestingCases {

    private static final Pattern CASE_REF = Pattern.compile("case:([0-9]{1,18})");

    private final ApplicationStore applications;

    AssistanceCases(ApplicationStore applications) {
        this.applications = applications;
    }

    static String caseRef(long caseId) {
        return "case:" + caseId;
    }

    /** The kernel case id of a reference of this module's form, or null. */
    static Long caseId(String caseRef) {
        var matcher = caseRef == null ? null : CASE_REF.matcher(caseRef);
        return matcher != null && matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
    }

    @Override
    public boolean claims(String caseRef) {
        return caseId(caseRef) != null;
    }

    @Override
    public Optional<Long> householdOf(String caseRef) {
        Long caseId = caseId(caseRef);
        return caseId == null ? Optional.empty() : applications.byCase(caseId).map(Application::householdId);
    }
}
