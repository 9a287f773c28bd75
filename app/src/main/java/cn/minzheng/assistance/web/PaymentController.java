package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceCatalogue;
import cn.minzheng.assistance.BankFiles;
import cn.minzheng.assistance.BankFormats;
import cn.minzheng.assistance.BankReturns;
import cn.minzheng.assistance.PaymentRolls;
import cn.minzheng.assistance.Reissues;
import cn.minzheng.assistance.RollReview;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
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

/**
 * 发放名册 screens: the rolls and the months missing one; generating after a confirmation that names the month and the
 * programme (once, whatever is clicked); the review — every payee against last month, changes first — with approval,
 * 退回 with an opinion, or voiding; the bank's return file in the bank's own format; statistics.
 */
@Controller
class PaymentController {

    private static final int PAGE = 50;

    private final AssistanceCatalogue catalogue;
    private final PaymentRolls rolls;
    private final RollReview review;
    private final BankReturns returns;
    private final BankFormats formats;
    private final Reissues reissues;
    private final BankFiles bankFiles;
    private final Clock clock;

    PaymentController(
            AssistanceCatalogue catalogue,
            PaymentRolls rolls,
            RollReview review,
            BankReturns returns,
            BankFormats formats,
            Reissues reissues,
            BankFiles bankFiles,
            Clock clock) {
        this.catalogue = catalogue;
        this.rolls = rolls;
        this.review = review;
        this.returns = returns;
        this.formats = formats;
        this.reissues = reissues;
        this.bankFiles = bankFiles;
        this.clock = clock;
    }

    @GetMapping("/assistance/payment-rolls")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String list(
            @RequestParam(required = false) String programme, @RequestParam(defaultValue = "0") int page, Model model) {
        List<PaymentRolls.Roll> all = rolls.list(blank(programme));
        int from = Math.min(all.size(), Math.max(0, page) * PAGE);
        model.addAttribute("rolls", all.subList(from, Math.min(all.size(), from + PAGE)));
        model.addAttribute("total", all.size());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (all.size() + PAGE - 1) / PAGE));
        model.addAttribute(
                "programmes",
                catalogue.programmes().stream()
                        .filter(AssistanceCatalogue.Programme::monthly)
                        .toList());
        model.addAttribute("programme", programme);
        List<PaymentRolls.MissingMonth> missing = rolls.missingMonths();
        model.addAttribute("missing", missing);
        // the month to generate: the earliest one without a roll, else this month (never the next one by default:
        // a month not yet begun has no roll, its cut-off day has not come — issue 14)
        model.addAttribute(
                "suggestedMonth",
                missing.isEmpty() ? YearMonth.now(clock) : missing.get(0).period());
        return "assistance/payment-rolls";
    }

    /** The confirmation before generating: which month, which programme, how many and how much. */
    @GetMapping("/assistance/payment-rolls/new")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String confirm(
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String period,
            Model model) {
        if (programme == null || period == null) {
            // reached without choosing (a bookmark): the list is where month and programme are chosen
            return "redirect:/assistance/payment-rolls";
        }
        model.addAttribute("preview", rolls.preview(programme, PaymentApiController.parsePeriod(period)));
        // a fresh key per confirmation: pressing "generate" twice, or resubmitting, cannot make a second roll
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "assistance/payment-roll-new";
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
                                    + generated.roll().itemCount() + " 户（人），请另一位工作人员审核"
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

    /** The review of a roll: totals against last month, the changes first, then every other payee (paged). */
    @GetMapping("/assistance/payment-rolls/{id}")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String roll(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model, Principal principal) {
        RollReview.Review r = review.of(id, page, PAGE);
        model.addAttribute("r", r);
        model.addAttribute("roll", r.roll());
        long unchanged = r.counts().get(RollReview.Change.SAME.name());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (int) Math.max(1, (unchanged + PAGE - 1) / PAGE));
        model.addAttribute("unchangedCount", unchanged);
        // 四眼原则: the one who generated the roll is not offered the approval (the service and the database refuse it)
        model.addAttribute("ownRoll", r.roll().generatedBy().equals(principal.getName()));
        model.addAttribute("formats", formats.all());
        return "assistance/payment-roll";
    }

    @PostMapping("/assistance/payment-rolls/{id}/approval")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            rolls.approve(id, note);
            return "名册已审核通过，可以生成银行代发文件";
        });
    }

    @PostMapping("/assistance/payment-rolls/{id}/return")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    String returnRoll(
            @PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            rolls.returnRoll(id, opinion);
            return "名册已退回，生成人按意见更正后可重新生成该月名册";
        });
    }

    @PostMapping("/assistance/payment-rolls/{id}/void")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String voidRoll(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            rolls.voidRoll(id, reason);
            return "名册已作废，该月可以重新生成";
        });
    }

    @PostMapping("/assistance/payment-rolls/{id}/bank-return")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String reconcile(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String format,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "请选择银行回盘文件");
            return "redirect:/assistance/payment-rolls/" + id;
        }
        try {
            redirect.addFlashAttribute("report", returns.reconcile(id, file.getInputStream(), format));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/payment-rolls/" + id;
    }

    @PostMapping("/assistance/payment-items/{id}/reissue")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    String reissue(@PathVariable long id, @RequestParam long rollId, RedirectAttributes redirect) {
        return act(rollId, redirect, () -> {
            reissues.reissue(id);
            return "已安排补发，随补发批次文件发出";
        });
    }

    @GetMapping("/assistance/payment-rolls/{id}/bank-file")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    org.springframework.http.ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        return PaymentApiController.download(bankFiles.original(id));
    }

    private String act(long rollId, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/assistance/payment-rolls/" + rollId;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
