package cn.minzheng.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from one address in a short time. */
class LoginThrottled extends AuthenticationException {

    LoginThrottled() {
        super("登录尝试过于频繁，请稍后再试。");
    }
}
