package cn.minzheng.resident;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 居民档案查阅记录: who opened which record, when and why; for auditors, without any personal value. */
@Controller
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/resident-access-log")
    @PreAuthorize(ResidentRoles.ACCESS_LOG)
    String entries(
            @RequestParam(required = false) Long resident,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute(
                "entries",
                accessLog.entries(new AccessLog.Filter(resident, actor, from, to), 100, Math.max(0, page) * 100));
        model.addAttribute("resident", resident);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", page);
        return "resident/access-log";
    }
}
