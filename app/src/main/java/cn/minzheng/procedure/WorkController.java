package cn.minzheng.procedure;

import cn.minzheng.platform.web.Worklist;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** 我的待办 and 督办看板. */
@Controller
@RequestMapping("/procedure")
class WorkController {

    private final Supervision supervision;
    private final Worklist worklist;

    WorkController(Supervision supervision, Worklist worklist) {
        this.supervision = supervision;
        this.worklist = worklist;
    }

    @GetMapping("/todo")
    @PreAuthorize(
            "hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER', 'LEGAL_REVIEWER')")
    String todo(Model model) {
        model.addAttribute("items", worklist.items());
        return "procedure/todo";
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'LEGAL_REVIEWER', 'STREET_OFFICER')")
    String board(Model model) {
        model.addAttribute("board", supervision.board());
        return "procedure/supervision";
    }
}
