/**
 * 账号与权限: staff accounts, roles (三权分立: system, security and audit administrators are separate), data scope
 * (district, street or community), login policy (password rules, lockout, timeouts), API tokens. Scope is enforced
 * three times: method security, the query layer and PostgreSQL row-level security.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "账号与权限",
        allowedDependencies = {"shared", "platform", "audit", "region"})
package cn.minzheng.identity;
