package cn.minzheng.procedure;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 公示公告 on the public portal (no sign-in): the notices standing today, each with its period and where to raise an
 * objection. Only masked, publishable content is ever stored in a notice; one past its period is not found here.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    private final Notices notices;

    PortalController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices")
    String list(Model model) {
        model.addAttribute("notices", notices.standing());
        return "procedure/portal-notices";
    }

    @GetMapping("/notices/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("n", notices.standing(id));
        return "procedure/portal-notice";
    }

    @GetMapping("/notices/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        return CaseApiController.file(
                notices.standingPdf(id), MediaType.APPLICATION_PDF_VALUE, "公示-" + id + ".pdf", true);
    }

    @GetMapping("/api/notices")
    @ResponseBody
    List<Notices.PublicNotice> api() {
        return notices.standing();
    }
}
