package cn.minzheng.resident;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The choices pickers show while a clerk types: HTML lists, not JSON (see fragments/picker.html). */
@Controller
@PreAuthorize(ResidentRoles.READ)
class ResidentPickerController {

    private final ResidentPicker picker;

    ResidentPickerController(ResidentPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/residents/pick")
    String people(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("people", picker.people(q));
        return "resident/pick :: people";
    }

    @GetMapping("/households/pick")
    String households(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("households", picker.households(q));
        return "resident/pick :: households";
    }
}
