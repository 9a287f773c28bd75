package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: a bearer token for an API client, under the same login policy as the web. */
@RestController
class AuthApiController {

    private final StaffAuthenticationProvider provider;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    AuthApiController(StaffAuthenticationProvider provider, ApiTokens tokens, AuditTrail audit) {
        this.provider = provider;
        this.tokens = tokens;
        this.audit = audit;
    }

    record TokenRequest(String username, String password) {}

    record TokenResponse(String token, String tokenType, Instant expiresAt) {}

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@RequestBody TokenRequest body, HttpServletRequest request) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                body == null ? null : body.username(), body == null ? null : body.password());
        attempt.setDetails(request.getRemoteAddr());
        Authentication authentication;
        try {
            authentication = provider.authenticate(attempt);
        } catch (LoginThrottled e) {
            return error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        } catch (DisabledException e) {
            return error(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (AuthenticationException e) {
            return error(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        StaffUser user = (StaffUser) authentication.getPrincipal();
        if (user.mustChangePassword()) {
            return error(HttpStatus.FORBIDDEN, "须先登录网页修改密码（初始密码或密码已过期），然后再申请令牌。");
        }
        ApiTokens.Issued issued = tokens.issue(user);
        audit.recordAs(user.username(), AuditEvent.success("TOKEN_ISSUED", "staff_account", user.accountId()));
        return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiError.of(status.value(), status.getReasonPhrase(), message));
    }
}
