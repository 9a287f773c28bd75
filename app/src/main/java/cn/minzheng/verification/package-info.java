/**
 * 家庭经济状况核对: authorisation letters per household member, the registry of the 26 data sources and their
 * deliveries, verification requests from assistance cases and scheduled re-verification of beneficiaries (on the
 * verification-core engine), the review of findings with objections and re-review, reports and statistics.
 *
 * <p>API (used by the assistance module): {@code Authorisations} and {@code Authorisation} (授权书),
 * {@code VerificationRequests} and {@code RequestSummary} (asking for a household's verification), the event
 * {@code VerificationReportReady}, and two extension points a business module implements: {@code RequestingCases}
 * (which household a case reference stands for) and {@code BeneficiaryRegister} with {@code RegisteredBeneficiary} (who
 * receives assistance, for the monthly re-verification). Other {@code public} types are there for this module's
 * {@code web} package (page controllers {@code *Controller}, JSON controllers {@code *ApiController}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "家庭经济状况核对",
        allowedDependencies = {"shared", "platform", "audit", "region", "resident"})
package cn.minzheng.verification;
