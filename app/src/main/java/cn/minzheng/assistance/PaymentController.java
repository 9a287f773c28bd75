package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 发放名册 screens: generate (once, whatever is clicked), approve, reconcile the bank's answer; statistics. */
@Controller
class PaymentController {

    private final AssistanceCatalogue catalogue;
    private final PaymentRolls rolls;
    private final BankReturns returns;
    private final Reissues reissues;
    private final AssistanceStatistics statistics;
    private final BankFiles bankFiles;
    private final java.time.Clock clock;

    PaymentController(
            AssistanceCatalogue catalogue,
            PaymentRolls rolls,
            BankReturns returns,
            Reissues reissues,
            AssistanceStatistics statistics,
            BankFiles bankFiles,
            java.time.Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.rolls = rolls;
        this.returns = returns;
        this.reissues = reissues;
        this.statistics = statistics;
        this.bankFiles = bankFiles;
    }

    @GetMapping("/assistance/payment-rolls")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String list(@RequestParam(required = false) String programme, Model model) {
        model.addAttribute("rolls", rolls.list(programme));
        model.addAttribute(
                "programmes",
                catalogue.programmes().stream()
                        .filter(AssistanceCatalogue.Programme::monthly)
                        .toList());
        model.addAttribute("programme", programme);
        // A fresh key per form: pressing "generate" twice, or resubmitting the page, cannot make a second roll.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        // this month: a month not yet begun has no roll (its cut-off day has not come, issue 14)
        model.addAttribute("nextMonth", YearMonth.now(clock));
        return "assistance/payment-rolls";
    }

    @PostMapping("/assistance/payment-rolls")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String generate(
            @RequestParam String programme,
            @RequestParam String period,
            @RequestParam String idempotencyKey,
            @RequestParam(defaultValue = "MAIN") String kind,
            RedirectAttributes redirect) {
        try {
            PaymentRolls.Generated generated = rolls.generate(
                    programme, PaymentApiController.parsePeriod(period), idempotencyKey, "SUPPLEMENTARY".equals(kind));
            redirect.addFlashAttribute(
                    "notice",
                    generated.created()
                            ? "已生成" + generated.roll().kindLabel() + "，共 "
                                    + generated.roll().itemCount() + " 条"
                            : "该名册此前已生成，未重复生成");
            return "redirect:/assistance/payment-rolls/" + generated.roll().id();
        } catch (PaymentRolls.AlreadyGenerated e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/assistance/payment-rolls/" + e.rollId();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/assistance/payment-rolls";
        }
    }

    @GetMapping("/assistance/payment-rolls/{id}")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String roll(@PathVariable long id, Model model, Principal principal) {
        PaymentRolls.Roll roll = rolls.get(id);
        model.addAttribute("roll", roll);
        // 四眼原则: the one who generated the roll is not offered the approval (the service and the database refuse it)
        model.addAttribute("ownRoll", roll.generatedBy().equals(principal.getName()));
        return "assistance/payment-roll";
    }

    @PostMapping("/assistance/payment-rolls/{id}/approval")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rolls.approve(id);
            redirect.addFlashAttribute("notice", "名册已审核");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/payment-rolls/" + id;
    }

    @PostMapping("/assistance/payment-rolls/{id}/bank-return")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String reconcile(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "请选择银行回盘文件");
            return "redirect:/assistance/payment-rolls/" + id;
        }
        try {
            redirect.addFlashAttribute("report", returns.reconcile(id, file.getInputStream()));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/payment-rolls/" + id;
    }

    @PostMapping("/assistance/payment-items/{id}/reissue")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String reissue(@PathVariable long id, @RequestParam long rollId, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice", "已补发，新明细编号 " + reissues.reissue(id));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/payment-rolls/" + rollId;
    }

    @GetMapping("/assistance/payment-rolls/{id}/bank-file")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    org.springframework.http.ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        return PaymentApiController.download(bankFiles.original(id));
    }

    @GetMapping("/assistance/statistics")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("stats", statistics.of(shown));
        return "assistance/statistics";
    }
}
