package cn.minzheng.verification;

import cn.minzheng.platform.District;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.ScopedPrincipal;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The verification demo's reviews of findings, by the street officer and the district: the first household's
 * findings confirmed and its report issued; the second household's objection with evidence, re-reviewed by the
 * district as a false positive.
 */
@Component
class VerificationDemoReview {

    private final VerificationCentre centre;
    private final District district;

    VerificationDemoReview(VerificationCentre centre, District district) {
        this.centre = centre;
        this.district = district;
    }

    /** Household 1: findings confirmed, report issued. Household 2: objection with evidence, re-reviewed. */
    void review(RequestSummary first, RequestSummary second, String streetOfficer, String street) {
        as(streetOfficer, street, "STREET_OFFICER", () -> {
            for (VerificationCentre.FindingRef finding : centre.findings(first.id())) {
                centre.classify(
                        finding.id(),
                        "CONFIRMED",
                        finding.rule().equals("VEHICLE_OWNED") ? "经入户核实，户主名下小型轿车一辆，日常使用，本人确认（演示）" : "与申请人申报一致（演示）");
            }
            centre.issueReport(first.id());
            for (VerificationCentre.FindingRef finding : centre.findings(second.id())) {
                centre.classify(finding.id(), "NEEDS_EXPLANATION", "登记有存续的个体工商户，请申请人说明经营情况（演示）");
            }
            centre.issueReport(second.id());
            byte[] evidence = PdfDocument.a4("个体工商户注销证明（演示）")
                    .title("个体工商户注销证明（演示）")
                    .paragraph("该个体工商户已于本年度停止经营并办理注销登记。本文件为演示数据。")
                    .render();
            for (VerificationCentre.FindingRef finding : centre.findings(second.id())) {
                centre.object(finding.id(), "申请人称该个体户已停业并注销，提供注销证明（演示）", "注销证明.pdf", evidence);
            }
            return null;
        });
        as("qu_jingban", district.code(), "DEPARTMENT_OFFICER", () -> {
            for (VerificationCentre.FindingRef finding : centre.findings(second.id())) {
                centre.reReview(finding.id(), "FALSE_POSITIVE", "注销证明属实，市场监管数据尚未更新，不作为不利认定依据（演示）");
            }
            return null;
        });
        as(streetOfficer, street, "STREET_OFFICER", () -> centre.issueReport(second.id()));
    }

    /** Acts as a demo staff member (their username, scope and role), so that the records name who did what. */
    static <T> T as(String username, String scope, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Actor(username, DataScope.of(scope)), null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private record Actor(String username, DataScope dataScope) implements ScopedPrincipal {

        @Override
        public long accountId() {
            return 0;
        }

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public List<String> roleLabels() {
            return List.of();
        }
    }
}
