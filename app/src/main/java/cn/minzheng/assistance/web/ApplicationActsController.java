package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Applications;
import cn.minzheng.assistance.Assessments;
import cn.minzheng.assistance.AssistanceRoles;
import cn.minzheng.assistance.CaseVerification;
import cn.minzheng.assistance.Investigations;
import cn.minzheng.assistance.ManualVerification;
import cn.minzheng.assistance.TemporaryAid;
import cn.minzheng.assistance.VerificationResults;
import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.platform.web.FormFailure;
import cn.minzheng.shared.BusinessRuleViolation;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The acts on an application's page that are this module's own forms (the kernel's steps are done on the case page):
 * materials collected at the window, the care grade, the request for verification and its result (or a result
 * entered by hand), the computed draft and the minutes of 一事一议. Each form keeps its input when refused.
 */
@Controller
@PreAuthorize(AssistanceRoles.READ)
class ApplicationActsController {

    private final Applications applications;
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final CaseVerification caseVerification;
    private final Assessments assessments;
    private final TemporaryAid temporary;
    private final ManualVerification manualVerification;

    ApplicationActsController(
            Applications applications,
            Investigations investigations,
            VerificationResults verifications,
            CaseVerification caseVerification,
            Assessments assessments,
            TemporaryAid temporary,
            ManualVerification manualVerification) {
        this.applications = applications;
        this.investigations = investigations;
        this.verifications = verifications;
        this.caseVerification = caseVerification;
        this.assessments = assessments;
        this.temporary = temporary;
        this.manualVerification = manualVerification;
    }

    @PostMapping("/assistance/applications/{id}/materials")
    @PreAuthorize(AssistanceRoles.INTAKE)
    String materials(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam Map<String, MultipartFile> uploads,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Applications.IntakeResult result = applications.completeMaterials(
                    id, Forms.materials(uploads), Forms.date(form, "on"), Forms.text(form, "lateReason"));
            return result.accepted()
                    ? "材料已补齐，予以受理，法定时限恢复计算"
                    : "已收取所交材料；仍缺少：" + String.join("、", result.missing()) + "（一次性告知已作出，不再重复告知）";
        });
    }

    @PostMapping("/assistance/applications/{id}/care")
    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    String care(
            @PathVariable long id,
            @ModelAttribute("careForm") ApplicationForms.CareForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        String page = "/assistance/applications/" + id;
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "careForm", form, result, page);
        }
        try {
            Investigations.CareAssessment care = investigations.assessCare(
                    id,
                    form.getAssessedOn(),
                    new CareGrade.Activities(
                            form.isEating(),
                            form.isDressing(),
                            form.isBed(),
                            form.isToilet(),
                            form.isWalkingIndoors(),
                            form.isBathing()),
                    form.getAssessor());
            redirect.addFlashAttribute("notice", "生活自理能力评估：" + care.gradeLabel());
            return "redirect:" + page;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "careForm", form, result, e, page);
        }
    }

    @PostMapping("/assistance/applications/{id}/verification-request")
    @PreAuthorize("hasRole('STREET_OFFICER')")
    String verificationRequest(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            caseVerification.request(id);
            return "已向家庭经济状况核对系统提请核对；核对报告出具后自动附到本案";
        });
    }

    @PostMapping("/assistance/applications/{id}/verification-result")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String fetchVerificationResult(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            VerificationResults.Result r = verifications.fetchMissing(id);
            return "已取回核对请求 " + r.requestId() + " 的核对结果并附到本案";
        });
    }

    @PostMapping("/assistance/applications/{id}/verification")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String verification(
            @PathVariable long id,
            @ModelAttribute("manualResult") ApplicationForms.ManualResultForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        String page = "/assistance/applications/" + id;
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "manualResult", form, result, page);
        }
        try {
            manualVerification.record(id, form.result());
            redirect.addFlashAttribute("notice", "已手工录入核对结果（标注为手工录入，后备方式）");
            return "redirect:" + page;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "manualResult", form, result, e, page);
        }
    }

    @PostMapping("/assistance/applications/{id}/draft")
    @PreAuthorize(AssistanceRoles.DRAFT)
    String draft(
            @PathVariable long id,
            @ModelAttribute("draftForm") ApplicationForms.DraftForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        String page = "/assistance/applications/" + id;
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "draftForm", form, result, page);
        }
        try {
            var view = assessments.draft(id, form.getOn(), form.getReasons(), form.getLateReason(), form.options());
            redirect.addFlashAttribute("notice", "已按计算规则起草第 " + view.revision() + " 稿：" + view.outcomeName());
            return "redirect:" + page;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "draftForm", form, result, e, page);
        }
    }

    @PostMapping("/assistance/applications/{id}/coordination")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String coordination(
            @PathVariable long id, @RequestParam(required = false) String minutes, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            temporary.recordCoordination(id, minutes);
            return "已登记一事一议会议纪要";
        });
    }

    private String act(long id, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/applications/" + id;
    }
}
