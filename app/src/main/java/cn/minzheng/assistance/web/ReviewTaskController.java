package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Application;
import cn.minzheng.assistance.BeneficiaryPicker;
import cn.minzheng.assistance.GeneratedTasks;
import cn.minzheng.assistance.JobReferral;
import cn.minzheng.assistance.JobReferrals;
import cn.minzheng.assistance.ReviewTask;
import cn.minzheng.assistance.ReviewTaskActs;
import cn.minzheng.assistance.ReviewTaskGenerator;
import cn.minzheng.assistance.ReviewTasks;
import cn.minzheng.platform.web.FormFailure;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 动态管理 screens: the review to-do list, closing a task without change or opening a change case, job referrals. */
@Controller
class ReviewTaskController {

    private static final String PAGE = "/assistance/reviews";

    private final ReviewTasks tasks;
    private final BeneficiaryPicker beneficiaries;
    private final cn.minzheng.resident.Residents residents;
    private final Clock clock;
    private final ReviewTaskGenerator generator;
    private final ReviewTaskActs acts;
    private final JobReferrals referrals;

    ReviewTaskController(
            ReviewTasks tasks,
            BeneficiaryPicker beneficiaries,
            cn.minzheng.resident.Residents residents,
            Clock clock,
            ReviewTaskGenerator generator,
            ReviewTaskActs acts,
            JobReferrals referrals) {
        this.referrals = referrals;
        this.acts = acts;
        this.generator = generator;
        this.tasks = tasks;
        this.beneficiaries = beneficiaries;
        this.residents = residents;
        this.clock = clock;
    }

    /** Beneficiaries as a clerk types (see fragments/picker.html). */
    @GetMapping("/assistance/beneficiaries/pick")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String pick(@org.springframework.web.bind.annotation.RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("choices", beneficiaries.find(q));
        return "assistance/pick :: beneficiaries";
    }

    @GetMapping("/assistance/reviews")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long status, Model model) {
        int size = 50;
        long total = tasks.todoCount();
        var todo = tasks.todo(size, Math.max(0, page) * size);
        model.addAttribute("tasks", todo);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (int) Math.max(1, (total + size - 1) / size));
        model.addAttribute("total", total);
        FormFailure.keep(model, "referral", () -> ReviewForms.ReferralForm.today(LocalDate.now(clock)));
        // reached from a beneficiary's 救助情况 ("情况有变化"): the change report starts with that status chosen
        FormFailure.keep(model, "changeReport", () -> ReviewForms.ChangeReportForm.of(status));
        model.addAttribute("today", LocalDate.now(clock));
        // what a person reads instead of subject ids: the household's number, the person's name
        model.addAttribute(
                "households",
                residents.householdNumbers(todo.stream()
                        .filter(t -> "HOUSEHOLD".equals(t.subjectType()))
                        .map(ReviewTask::subjectId)
                        .distinct()
                        .toList()));
        java.util.Map<Long, String> people = new java.util.HashMap<>();
        todo.stream()
                .filter(t -> "PERSON".equals(t.subjectType()))
                .map(ReviewTask::subjectId)
                .distinct()
                .forEach(id -> residents.find(id).ifPresent(r -> people.put(id, r.name())));
        model.addAttribute("people", people);
        return "assistance/reviews";
    }

    @PostMapping("/assistance/reviews/generation")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String generate(RedirectAttributes redirect) {
        GeneratedTasks g = generator.generate(LocalDate.now(clock));
        redirect.addFlashAttribute(
                "notice",
                g.periodic() < 0
                        ? "另一台服务器正在生成核查任务，请稍后刷新"
                        : "已生成定期核查任务 " + g.periodic() + " 件、死亡核查任务 " + g.deaths() + " 件（已有的不重复生成）");
        return "redirect:/assistance/reviews";
    }

    @PostMapping("/assistance/reviews/{id}/completion")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String complete(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(redirect, PAGE, () -> {
            acts.complete(id, on, blank(note));
            return "核查完成：无变化，下次核查自今天起算";
        });
    }

    @PostMapping("/assistance/reviews/{id}/change")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String change(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String lateReason,
            RedirectAttributes redirect) {
        try {
            Application a = acts.openChange(id, on, blank(lateReason));
            redirect.addFlashAttribute("notice", "已立案核查（受理编号 " + a.caseNumber() + "），请登记入户核查情况");
            return "redirect:/assistance/applications/" + a.id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/assistance/reviews";
        }
    }

    @PostMapping("/assistance/referrals")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String referral(
            @ModelAttribute("referral") ReviewForms.ReferralForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "referral", form, result, PAGE);
        }
        try {
            JobReferral r = referrals.recordReferral(
                    chosen(form.getStatusId()),
                    form.getResidentId(),
                    form.getReferredOn(),
                    blank(form.getJob()),
                    form.isRefused(),
                    blank(form.getGoodReason()));
            redirect.addFlashAttribute("notice", "已登记就业介绍：" + r.memberName() + (r.refused() ? "（拒绝）" : "（接受）"));
            return "redirect:" + PAGE;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "referral", form, result, e, PAGE);
        }
    }

    @PostMapping("/assistance/change-reports")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String report(
            @ModelAttribute("changeReport") ReviewForms.ChangeReportForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "changeReport", form, result, PAGE);
        }
        try {
            acts.report(chosen(form.getStatusId()), form.getDueOn(), blank(form.getReason()));
            redirect.addFlashAttribute("notice", "已登记报告的变化，生成核查任务");
            return "redirect:" + PAGE;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "changeReport", form, result, e, PAGE);
        }
    }

    private static long chosen(Long statusId) {
        if (statusId == null) {
            throw new BusinessRuleViolation("请先查找并选择救助对象");
        }
        return statusId;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String act(RedirectAttributes redirect, String back, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back;
    }
}
