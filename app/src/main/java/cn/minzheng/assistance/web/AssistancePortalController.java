package cn.minzheng.assistance.web;

import cn.minzheng.assistance.PortalApplications;
import cn.minzheng.assistance.PortalSubmission;
import cn.minzheng.platform.web.Captchas;
import cn.minzheng.region.Regions;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 网上申请 on the public portal (no sign-in): apply with the minimum (and an offline CAPTCHA), get a receipt number and
 * a query code, and follow one's own application with both. Nothing here shows anyone else's data.
 */
@Controller
class AssistancePortalController {

    private final PortalApplications portal;
    private final Regions regions;
    private final Captchas captchas;
    private final Clock clock;

    AssistancePortalController(PortalApplications portal, Regions regions, Captchas captchas, Clock clock) {
        this.portal = portal;
        this.regions = regions;
        this.captchas = captchas;
        this.clock = clock;
    }

    record CommunityOption(String code, String label) {}

    @GetMapping("/portal/assistance")
    String form(Model model) {
        List<CommunityOption> options = new ArrayList<>();
        for (Regions.Tree.Street street : regions.tree(LocalDate.now(clock)).streets()) {
            street.communities()
                    .forEach(c -> options.add(
                            new CommunityOption(c.code(), street.unit().name() + " · " + c.name())));
        }
        model.addAttribute("communities", options);
        model.addAttribute("captcha", captchas.issue());
        return "assistance/portal-apply";
    }

    @PostMapping("/portal/assistance/applications")
    String submit(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String communityCode,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) Integer householdSize,
            @RequestParam(required = false) String situation,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(required = false) String captchaId,
            @RequestParam(required = false) String captcha,
            HttpServletRequest request,
            Model model) {
        try {
            if (!captchas.check(captchaId, captcha)) {
                throw new BusinessRuleViolation("验证码不正确或已过期，请输入图片中的 5 位数字（看不清可换一张）");
            }
            model.addAttribute(
                    "receipt",
                    portal.submit(
                            new PortalSubmission(
                                    programme, communityCode, name, phone, householdSize, situation, consent),
                            request.getRemoteAddr()));
            return "assistance/portal-receipt";
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            // what was typed is shown again: a wrong CAPTCHA or a throttled post loses nothing
            model.addAttribute(
                    "entered",
                    new PortalSubmission(programme, communityCode, name, phone, householdSize, situation, consent));
            return form(model);
        }
    }

    @GetMapping("/portal/assistance/track")
    String trackForm() {
        return "assistance/portal-track";
    }

    @PostMapping("/portal/assistance/track")
    String track(
            @RequestParam(required = false) String receiptNo,
            @RequestParam(required = false) String queryCode,
            HttpServletRequest request,
            Model model) {
        try {
            model.addAttribute("status", portal.track(receiptNo, queryCode, request.getRemoteAddr()));
        } catch (NotFound e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "assistance/portal-track";
    }
}
