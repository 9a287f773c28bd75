package cn.minzheng.identity;

import cn.minzheng.platform.web.JsonAnswers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Web security: form login for staff, bearer tokens for API clients, CSRF for every cookie-authenticated change, a
 * strict content security policy, JSON answers (not redirects) on the API. Method security is switched on here —
 * Spring Boot does not do it — and every service guards its own operations.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityPolicyProperties.class)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    /**
     * The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS, named so that it does not
     * collide with other applications on the same host.
     */
    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("MZSESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setCookiePath("/");
        return serializer;
    }

    /**
     * Two requests of one session at the same time (a double-clicked "生成", a form submitted twice) each add their
     * flash message to the session; with the plain INSERT the second violates the attributes' primary key and the
     * user gets an error page although the work was done. PostgreSQL's upsert lets the later write win.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityPolicyProperties policy) {
        return new BCryptPasswordEncoder(policy.bcryptStrength());
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http,
            StaffAuthenticationProvider provider,
            LoginHandlers handlers,
            ApiTokens tokens,
            Clock clock,
            SecurityPolicyProperties policy,
            @Value("${minzheng.metrics-password:}") String metricsPassword,
            java.util.List<cn.minzheng.platform.PublicEndpoint> publicEndpoints)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher tokenEndpoint =
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/token");
        // Endpoints other modules declare public (a citizen's booking); each protects itself (PublicEndpoint).
        RequestMatcher declaredPublic = request -> publicEndpoints.stream()
                .anyMatch(endpoint -> PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.valueOf(endpoint.method()), endpoint.path())
                        .matches(request));
        http.authenticationProvider(provider)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/portal/**")
                        .permitAll()
                        .requestMatchers(MetricsScrape.PATH)
                        .hasAnyRole("SYSTEM_ADMIN", MetricsScrape.ROLE)
                        .requestMatchers(tokenEndpoint)
                        .permitAll()
                        .requestMatchers(declaredPublic)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .successHandler(handlers.success())
                        .failureHandler(handlers.failure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(handlers.logout()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer, tokenEndpoint, declaredPublic))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(jsonUnauthorized(), api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(jsonForbidden(), api)
                        // Pages get the Chinese error page (a single mapping would answer JSON everywhere).
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new MetricsScrape(metricsPassword), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionPolicyFilter(clock, policy), AuthorizationFilter.class)
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionStrategy((request, response) -> {
                            // An idle session timed out (or was ended by an administrator).
                            if (api.matches(request)) {
                                json(response, 401, "Unauthorized", "会话已超时，请重新登录");
                            } else {
                                request.getSession(true);
                                response.sendRedirect(request.getContextPath() + "/login?expired");
                            }
                        }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, exception) -> json(response, 401, "Unauthorized", "请先登录，或在 Authorization 头中提供有效的令牌");
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, exception) -> json(response, 403, "Forbidden", "无权执行此操作");
    }

    private static void json(HttpServletResponse response, int status, String error, String message)
            throws java.io.IOException {
        JsonAnswers.error(response, status, error, message);
    }
}
