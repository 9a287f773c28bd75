package cn.minzheng.procedure;

import cn.minzheng.shared.BusinessRuleViolation;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    ReviewController(LegalReviews reviews, Decisions decisions, Cases cases) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.cases = cases;
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
        return "procedure/review";
    }

    @PostMapping("/{decisionId}")
    String record(@PathVariable long decisionId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            Decisions.DecisionView done = reviews.review(
                    decisionId,
                    new LegalReviews.Review(
                            CaseController.checklist(form), form.get("conclusion"), form.get("opinion")));
            redirect.addFlashAttribute("notice", "PASSED".equals(form.get("conclusion")) ? "已审核通过" : "已退回经办人");
            return "redirect:/procedure/cases/" + done.caseId();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/procedure/reviews/" + decisionId;
        }
    }
}
