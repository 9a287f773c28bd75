package cn.minzheng.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A database or disk outage inside a controller is answered by {@link Outages} at once (503, what happened, that
 * nothing was saved), before the error page would try to render a layout that needs the database.
 */
@Component
class OutageExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OutageExceptionResolver.class);

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception error) {
        Optional<String> outage = Outages.of(error);
        if (outage.isEmpty() || response.isCommitted()) {
            return null;
        }
        if (outage.get().equals(Outages.BUSY)) {
            log.warn("请求 {} 未能完成：数据库连接全部在用，等待超时（平台过载）", request.getRequestURI());
        } else {
            log.error("请求 {} 未能完成：{}", request.getRequestURI(), outage.get(), error);
        }
        try {
            Outages.answer(request, response, outage.get());
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
