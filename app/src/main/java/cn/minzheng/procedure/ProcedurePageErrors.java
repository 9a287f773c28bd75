package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On this module's screens a record outside the scope (or missing) is the error page's 404, never a server error; a
 * refusal that could not be shown on the page itself is a 422.
 */
@ControllerAdvice(
        assignableTypes = {
            CaseController.class,
            ReviewController.class,
            WorkController.class,
            CatalogueController.class,
            PortalController.class
        })
class ProcedurePageErrors {

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    void refused(HttpServletResponse response) throws IOException {
        response.sendError(422);
    }
}
