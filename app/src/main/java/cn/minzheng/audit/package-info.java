/**
 * 审计日志: the append-only, SM3 hash-chained record of who did what — logins, role and scope changes, reads of
 * sensitive records, exports, decisions. Entries carry ids, actions, scope, result and reason codes, never personal
 * values. Other modules write through {@link cn.minzheng.audit.AuditTrail}; auditors read and verify the chain.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "审计日志",
        allowedDependencies = {"shared", "platform"})
package cn.minzheng.audit;
