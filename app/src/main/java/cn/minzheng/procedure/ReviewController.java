package cn.minzheng.procedure;

import cn.minzheng.platform.web.FormFailure;
import cn.minzheng.shared.BusinessRuleViolation;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 法制审核 screens: the reviewer's queue and the review of one decision with its checklist. */
@Controller
@RequestMapping("/procedure/reviews")
@PreAuthorize("hasRole('LEGAL_REVIEWER')")
class ReviewController {

    private final LegalReviews reviews;
    private final Decisions decisions;
    private final Cases cases;
    private final CasePages casePages;

    ReviewController(LegalReviews reviews, Decisions decisions, Cases cases, CasePages casePages) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.cases = cases;
        this.casePages = casePages;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("queue", reviews.queue());
        model.addAttribute(
                "qualification",
                reviews.qualification(Actor.current().username())
                        .map(LegalReviews.Qualification::inWords)
                        .orElse(null));
        return "procedure/reviews";
    }

    /** 法律职业资格 (行政处罚法第五十八条第二款), recorded by the reviewer before reviewing. */
    @PostMapping("/qualification")
    String qualification(
            @RequestParam(required = false) String certificateNo,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate obtainedOn,
            @RequestParam(required = false) String grandfathered,
            RedirectAttributes redirect) {
        try {
            reviews.recordQualification(
                    new LegalReviews.Qualification(certificateNo, obtainedOn, "true".equals(grandfathered)));
            redirect.addFlashAttribute("notice", "已登记法律职业资格");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/procedure/reviews";
    }

    @GetMapping("/{decisionId}")
    String review(@PathVariable long decisionId, Model model) {
        Decisions.DecisionView decision = decisions.view(decisionId);
        model.addAttribute("d", decision);
        model.addAttribute("c", cases.view(decision.caseId()));
        model.addAttribute("checklist", ReviewChecklist.values());
        model.addAttribute(
                "mayReview", reviews.queue().stream().anyMatch(q -> q.decisionId() == decisionId && q.mayReview()));
        FormFailure.keep(model, "reviewForm", ReviewForm::new);
        return "procedure/review";
    }

    /** The checklist's answers (item → true/false), the conclusion and the opinion; kept when refused. */
    public static class ReviewForm implements java.io.Serializable {
        private Map<String, String> checks = new java.util.LinkedHashMap<>();
        private String conclusion;
        private String opinion;

        Map<ReviewChecklist, Boolean> answers() {
            Map<ReviewChecklist, Boolean> answers = new java.util.EnumMap<>(ReviewChecklist.class);
            for (ReviewChecklist item : ReviewChecklist.values()) {
                String value = checks.get(item.name());
                if (value != null && !value.isBlank()) {
                    answers.put(item, "true".equals(value));
                }
            }
            return answers;
        }

        public Map<String, String> getChecks() {
            return checks;
        }

        public void setChecks(Map<String, String> checks) {
            this.checks = checks == null ? new java.util.LinkedHashMap<>() : checks;
        }

        public String getConclusion() {
            return conclusion;
        }

        public void setConclusion(String conclusion) {
            this.conclusion = conclusion;
        }

        public String getOpinion() {
            return opinion;
        }

        public void setOpinion(String opinion) {
            this.opinion = opinion;
        }
    }

    @PostMapping("/{decisionId}")
    String record(
            @PathVariable long decisionId,
            @ModelAttribute("reviewForm") ReviewForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        String page = "/procedure/reviews/" + decisionId;
        try {
            Decisions.DecisionView done = reviews.review(
                    decisionId, new LegalReviews.Review(form.answers(), form.getConclusion(), form.getOpinion()));
            redirect.addFlashAttribute("notice", "PASSED".equals(form.getConclusion()) ? "已审核通过" : "已退回经办人");
            return "redirect:" + casePages.pathOf(done.caseId());
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "reviewForm", form, result, e, page);
        }
    }
}
