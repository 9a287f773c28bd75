/**
 * 家庭经济状况核对: authorisation letters per household member, the registry of the 26 data sources and their
 * deliveries, verification requests from assistance cases and scheduled re-verification of beneficiaries (on the
 * verification-core engine), the review of findings with objections and re-review, reports and statistics.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "家庭经济状况核对",
        allowedDependencies = {"shared", "platform", "audit", "region", "resident"})
package cn.minzheng.verification;
