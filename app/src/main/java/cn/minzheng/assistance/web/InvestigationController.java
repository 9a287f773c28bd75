package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceRoles;
import cn.minzheng.assistance.HomeVisits;
import cn.minzheng.platform.web.FormFailure;
import cn.minzheng.shared.BusinessRuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 入户调查 on an application's page: the investigation form, bound by Spring, with the signed scan. */
@Controller
class InvestigationController {

    private final HomeVisits homeVisits;

    InvestigationController(HomeVisits homeVisits) {
        this.homeVisits = homeVisits;
    }

    /** 入户调查: the investigation form, the signed scan and the kernel's step, in one act. */
    @PostMapping("/assistance/applications/{id}/investigation")
    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    String investigation(
            @PathVariable long id,
            @ModelAttribute("homeVisit") InvestigationForm form,
            BindingResult result,
            @RequestParam(name = "scan", required = false) MultipartFile scan,
            RedirectAttributes redirect) {
        String page = "/assistance/applications/" + id;
        if (result.hasErrors()) {
            return FormFailure.back(redirect, "homeVisit", form.withSpareRows(), result, page);
        }
        try {
            homeVisits.record(id, form.toInvestigation(), scan(scan), form.getLateReason());
            redirect.addFlashAttribute("notice", "入户调查已登记（调查人员：" + String.join("、", form.people()) + "）");
            return "redirect:" + page;
        } catch (BusinessRuleViolation e) {
            return FormFailure.refused(redirect, "homeVisit", form.withSpareRows(), result, e, page);
        }
    }

    private static HomeVisits.Scan scan(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new HomeVisits.Scan(file.getOriginalFilename(), file.getBytes());
        } catch (java.io.IOException e) {
            throw new BusinessRuleViolation("入户调查表扫描件读取失败，请重新选择文件");
        }
    }
}
