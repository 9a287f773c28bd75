package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the module's pages: what the signed-in user may do (to show only the actions they may take), and a record that
 * is not found — or lies outside the scope, which must look the same — as the platform's 404 page with its message.
 */
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

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return new ModelAndView("error", Map.of("status", 404, "message", e.getMessage()), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ModelAndView refused(BusinessRuleViolation e) {
        return new ModelAndView(
                "error", Map.of("status", 422, "message", e.getMessage()), HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
