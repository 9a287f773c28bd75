package cn.minzheng.marriage.web;

import cn.minzheng.marriage.DivorcePeriods;
import cn.minzheng.platform.Display;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The registrar's calculator of the two divorce periods, with the rule in words. */
@Controller
class DivorcePeriodController {

    private final DivorcePeriods periods;

    DivorcePeriodController(DivorcePeriods periods) {
        this.periods = periods;
    }

    @GetMapping("/marriage/divorce-periods")
    String periods(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate received,
            Model model) {
        model.addAttribute("received", received);
        if (received != null) {
            try {
                DivorcePeriods.Periods p = periods.from(received);
                model.addAttribute("receivedText", Display.date(p.received()));
                model.addAttribute("withdrawalEnds", Display.date(p.withdrawalEnds()));
                model.addAttribute("certificateRequestEnds", Display.date(p.certificateRequestEnds()));
            } catch (BusinessRuleViolation e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "marriage/divorce-periods";
    }
}
