package cn.minzheng.resident;

import java.util.Set;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the signed-in user may do with residents, for the module's pages to show only the actions they may take. */
@ControllerAdvice(
        assignableTypes = {
            ResidentController.class,
            HouseholdController.class,
            ResidentImportController.class,
            ResidentMergeController.class,
            AccessLogController.class
        })
class ResidentPageAdvice {

    public record May(boolean write, boolean export, boolean merge, boolean accessLog) {}

    @ModelAttribute("may")
    May may() {
        Set<String> roles = Staff.roles();
        return new May(
                roles.stream().anyMatch(Set.of("DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER")::contains),
                roles.stream()
                        .anyMatch(
                                Set.of("DISTRICT_LEADER", "DEPARTMENT_OFFICER", "STREET_OFFICER", "COMMUNITY_WORKER")
                                        ::contains),
                roles.stream().anyMatch(Set.of("DEPARTMENT_OFFICER", "STREET_OFFICER")::contains),
                roles.stream()
                        .anyMatch(
                                Set.of("AUDIT_ADMIN", "DISTRICT_LEADER", "DEPARTMENT_OFFICER", "STREET_OFFICER")
                                        ::contains));
    }
}
