package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 动态管理 screens: the review to-do list, closing a task without change or opening a change case, job referrals. */
@Controller
class ReviewTaskController {

    private final ReviewTasks tasks;
    private final Clock clock;

    ReviewTaskController(ReviewTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/assistance/reviews")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String list(@RequestParam(required = false) Long status, Model model) {
        model.addAttribute("tasks", tasks.todo(300));
        model.addAttribute("status", status);
        model.addAttribute("today", LocalDate.now(clock));
        return "assistance/reviews";
    }

    @PostMapping("/assistance/reviews/generation")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String generate(RedirectAttributes redirect) {
        ReviewTasks.Generated g = tasks.generate(LocalDate.now(clock));
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
            @PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/assistance/reviews", () -> {
            tasks.complete(id, Forms.date(form, "on"), Forms.text(form, "note"));
            return "核查完成：无变化，下次核查自今天起算";
        });
    }

    @PostMapping("/assistance/reviews/{id}/change")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String change(
            @PathVariable long id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            Application a = tasks.openChange(id, Forms.date(form, "on"), Forms.text(form, "lateReason"));
            redirect.addFlashAttribute("notice", "已立案核查（受理编号 " + a.caseNumber() + "），请登记入户核查情况");
            return "redirect:/assistance/applications/" + a.id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/assistance/reviews";
        }
    }

    @PostMapping("/assistance/referrals")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String referral(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/assistance/reviews", () -> {
            long id = status(form);
            Long resident = Forms.optionalLong(form, "residentId");
            ReviewTasks.Referral r = tasks.recordReferral(
                    id,
                    resident,
                    Forms.date(form, "referredOn"),
                    Forms.text(form, "job"),
                    Forms.flag(form, "refused"),
                    Forms.text(form, "goodReason"));
            return "已登记就业介绍：" + r.memberName() + (r.refused() ? "（拒绝）" : "（接受）");
        });
    }

    @PostMapping("/assistance/change-reports")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    String report(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/assistance/reviews", () -> {
            tasks.report(status(form), Forms.date(form, "dueOn"), Forms.text(form, "reason"));
            return "已登记报告的变化，生成核查任务";
        });
    }

    private static long status(MultiValueMap<String, String> form) {
        Long id = Forms.optionalLong(form, "statusId");
        if (id == null) {
            throw new BusinessRuleViolation("请填写救助状态编号");
        }
        return id;
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
