package cn.minzheng.marriage.web;

import cn.minzheng.marriage.AppointmentKind;
import cn.minzheng.marriage.Booked;
import cn.minzheng.marriage.BookingRefused;
import cn.minzheng.marriage.BookingRequest;
import cn.minzheng.marriage.Party;
import cn.minzheng.marriage.PortalBookings;
import cn.minzheng.platform.Display;
import cn.minzheng.platform.web.Captchas;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public portal's booking and cancellation of a registry appointment, without an account. */
@Controller
class PortalAppointmentController {

    private final PortalBookings portal;
    private final Captchas captchas;

    PortalAppointmentController(PortalBookings portal, Captchas captchas) {
        this.portal = portal;
        this.captchas = captchas;
    }

    /** What the couple typed, shown again after a refusal (never the other way round: nothing is looked up). */
    record Entered(LocalDate date, AppointmentKind type, String nameA, String idA, String nameB, String idB) {}

    @GetMapping("/portal/marriage/appointments")
    String form(Model model) {
        model.addAttribute("openDays", portal.openDays());
        model.addAttribute("captcha", captchas.issue());
        return "marriage/portal-book";
    }

    @PostMapping("/portal/marriage/appointments")
    String book(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) AppointmentKind type,
            @RequestParam(required = false) String nameA,
            @RequestParam(required = false) String idA,
            @RequestParam(required = false) String nameB,
            @RequestParam(required = false) String idB,
            @RequestParam(required = false) String captchaId,
            @RequestParam(required = false) String captcha,
            HttpServletRequest request,
            Model model) {
        try {
            if (!captchas.check(captchaId, captcha)) {
                throw new BusinessRuleViolation("验证码不正确或已过期，请输入图片中的 5 位数字（看不清可刷新页面换一张）");
            }
            Booked booked = portal.book(
                    new BookingRequest(date, type, new Party(nameA, idA), new Party(nameB, idB)),
                    request.getRemoteAddr());
            model.addAttribute("code", booked.code());
            model.addAttribute("dateText", Display.date(date));
            model.addAttribute("type", type);
            return "marriage/portal-booked";
        } catch (BusinessRuleViolation | BookingRefused e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("entered", new Entered(date, type, nameA, idA, nameB, idB));
            return form(model);
        }
    }

    @GetMapping("/portal/marriage/appointments/cancel")
    String cancelForm() {
        return "marriage/portal-cancel";
    }

    @PostMapping("/portal/marriage/appointments/cancel")
    String cancel(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String idNumber,
            HttpServletRequest request,
            Model model) {
        try {
            portal.cancel(code, idNumber, request.getRemoteAddr());
            model.addAttribute("notice", "预约已取消。名额已释放，您可以重新预约其他日期。");
        } catch (NotFound | BookingRefused | BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("code", code);
        }
        return "marriage/portal-cancel";
    }
}
