package cn.minzheng.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static files under their own prefixes only ({@code /css/}, {@code /js/}, {@code /webjars/}), instead of Spring
 * Boot's {@code /**} over every static location (switched off with {@code spring.web.resources.add-mappings=false}).
 * With {@code /**}, the URL encoding filter that webjars-locator brings resolved every link of every page against
 * the static locations and the jars' libraries, found nothing, and cost most of the CPU of a page (issue 14).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl ONE_HOUR =
            CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .setCacheControl(ONE_HOUR);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .setCacheControl(ONE_HOUR);
        // version-less webjar paths (/webjars/htmx.org/dist/htmx.min.js) are resolved by the resource chain
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(ONE_HOUR)
                .resourceChain(true);
    }
}
