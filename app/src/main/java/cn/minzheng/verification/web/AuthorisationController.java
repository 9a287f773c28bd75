package cn.minzheng.verification.web;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 授权书 of a household: who counts, who has signed, recording a new letter. */
@Controller
class AuthorisationController {

    private final Authorisations authorisations;
    private final Clock clock;

    AuthorisationController(Authorisations authorisations, Clock clock) {
        this.authorisations = authorisations;
        this.clock = clock;
    }

    @GetMapping("/verification/households/{id}/authorisations")
    @PreAuthorize(Authorisations.READ)
    String household(@PathVariable long id, @RequestParam(defaultValue = "DIBAO") String programme, Model model) {
        Authorisations.Coverage coverage = authorisations.coverage(id, programme, LocalDate.now(clock));
        model.addAttribute("coverage", coverage);
        model.addAttribute(
                "letters",
                coverage.members().stream()
                        .map(m -> new Letters(m, authorisations.ofResident(m.residentId())))
                        .toList());
        model.addAttribute("signers", Authorisation.Signer.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "verification/authorisations";
    }

    record Letters(Authorisations.MemberCoverage member, List<Authorisation> authorisations) {}

    @PostMapping("/verification/households/{id}/authorisations")
    @PreAuthorize(Authorisations.WRITE)
    String record(
            @PathVariable long id,
            @RequestParam long residentId,
            @RequestParam(name = "programmes", required = false) List<String> programmes,
            @RequestParam Authorisation.Signer signedBy,
            @RequestParam(required = false) String proxyReason,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
            RedirectAttributes redirect) {
        try {
            authorisations.record(new Authorisations.NewAuthorisation(
                    residentId,
                    programmes == null ? Set.of() : Set.copyOf(programmes),
                    signedBy,
                    proxyReason,
                    signedOn,
                    null,
                    validTo,
                    null));
            redirect.addFlashAttribute("notice", "已登记授权书");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/households/" + id + "/authorisations";
    }
}
