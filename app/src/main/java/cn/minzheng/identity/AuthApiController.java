package cn.minzheng.identity;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import cn.minzheng.platform.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token}: a bearer token for an API client, under the same login policy as the web —
 * {@code {"username","password"}}, and {@code "code"} for an account with a second factor (every administrator).
 */
@RestController
class AuthApiController {

    private final StaffAuthenticationProvider provider;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final SecondFactors secondFactors;
    private final District district;
    private final TransactionTemplate transactions;

    AuthApiController(
            StaffAuthenticationProvider provider,
            ApiTokens tokens,
            AuditTrail audit,
            SecondFactors secondFactors,
            District district,
            TransactionTemplate transactions) {
        this.provider = provider;
        this.tokens = tokens;
        this.audit = audit;
        this.secondFactors = secondFactors;
        this.district = district;
        this.transactions = transactions;
    }

    /** {@code code}: the authenticator app's 6 digits or a recovery code, for accounts with a second factor. */
    record TokenRequest(String username, String password, String code) {}

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
        if (user.secondFactor() == StaffUser.SecondFactor.ENROL) {
            return error(HttpStatus.FORBIDDEN, "管理员账号须先在网页登录并绑定动态口令（手机验证器），然后再申请令牌。");
        }
        if (user.secondFactor() == StaffUser.SecondFactor.CHECK) {
            long accountId = user.accountId();
            String code = body == null ? null : body.code();
            boolean right = DataScopes.callAs(
                    district.scope(), () -> transactions.execute(status -> secondFactors.check(accountId, code)));
            if (!right) {
                return error(HttpStatus.UNAUTHORIZED, "动态口令错误或未填写（请在 code 中给出验证器当前显示的 6 位数字或一个恢复码）。");
            }
            user = user.withSecondFactorPassed();
        }
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
