package cn.minzheng.platform.web;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: a record outside the scope or missing is a Chinese 404 page; a refused request shows its message (422). Modules
 * with their own page handling take precedence (this advice runs last).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ModelAndView refused(BusinessRuleViolation e, HttpServletRequest request) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), request);
    }

    private static ModelAndView page(HttpStatus status, String message, HttpServletRequest request) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        view.addObject("advice", PlatformErrorAttributes.adviceFor(status.value()));
        view.addObject("path", request.getRequestURI());
        return view;
    }
}
