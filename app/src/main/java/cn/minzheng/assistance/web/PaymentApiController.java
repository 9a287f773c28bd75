package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceCatalogue;
import cn.minzheng.assistance.AssistanceStatistics;
import cn.minzheng.assistance.BankFiles;
import cn.minzheng.assistance.BankReturns;
import cn.minzheng.assistance.PaymentRolls;
import cn.minzheng.assistance.Reissues;
import cn.minzheng.shared.BusinessRuleViolation;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST for programmes and payment rolls (issue 5 §7). */
@RestController
class PaymentApiController {

    private final AssistanceCatalogue catalogue;
    private final PaymentRolls rolls;
    private final BankReturns returns;
    private final Reissues reissues;
    private final AssistanceStatistics statistics;
    private final BankFiles bankFiles;

    PaymentApiController(
            AssistanceCatalogue catalogue,
            PaymentRolls rolls,
            BankReturns returns,
            Reissues reissues,
            AssistanceStatistics statistics,
            BankFiles bankFiles) {
        this.catalogue = catalogue;
        this.rolls = rolls;
        this.returns = returns;
        this.reissues = reissues;
        this.statistics = statistics;
        this.bankFiles = bankFiles;
    }

    record ProgrammeView(String code, String name) {}

    @GetMapping("/api/v1/assistance/programmes")
    @PreAuthorize("isAuthenticated()")
    List<ProgrammeView> programmes() {
        return catalogue.programmes().stream()
                .map(p -> new ProgrammeView(p.code(), p.name()))
                .toList();
    }

    record RollView(
            long id,
            String programme,
            String period,
            String state,
            int itemCount,
            long totalFen,
            String generatedBy,
            String approvedBy,
            String kind,
            Integer supplementNo) {

        static RollView of(PaymentRolls.Roll roll) {
            return new RollView(
                    roll.id(),
                    roll.programme(),
                    roll.period().toString(),
                    roll.state(),
                    roll.itemCount(),
                    roll.totalFen(),
                    roll.generatedBy(),
                    roll.approvedBy(),
                    roll.kind(),
                    roll.supplementNo());
        }
    }

    @GetMapping("/api/v1/assistance/payment-rolls")
    List<RollView> list(@RequestParam(required = false) String programme) {
        return rolls.list(programme).stream().map(RollView::of).toList();
    }

    @GetMapping("/api/v1/assistance/payment-rolls/{id}")
    RollView get(@PathVariable long id) {
        return RollView.of(rolls.get(id));
    }

    /** {@code kind}: omitted or MAIN for the month's roll, SUPPLEMENTARY for a 补发名册 after it. */
    record GenerateRequest(String programme, String period, String kind) {}

    /**
     * Generates the roll for a programme and month. The same Idempotency-Key always answers with the same roll (201
     * the first time, 200 after); another key for a month that has its roll gets 409 naming it.
     */
    @PostMapping("/api/v1/assistance/payment-rolls")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    ResponseEntity<Map<String, Object>> generate(
            @RequestBody GenerateRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        YearMonth period = parsePeriod(request == null ? null : request.period());
        PaymentRolls.Generated generated =
                rolls.generate(request.programme(), period, key, "SUPPLEMENTARY".equals(request.kind()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", generated.roll().id());
        body.put("itemCount", generated.roll().itemCount());
        body.put("totalFen", generated.roll().totalFen());
        return ResponseEntity.status(generated.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(body);
    }

    @PostMapping("/api/v1/assistance/payment-rolls/{id}/approval")
    RollView approve(@PathVariable long id) {
        return RollView.of(rolls.approve(id));
    }

    @PostMapping("/api/v1/assistance/payment-rolls/{id}/bank-return")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    BankReturns.Report reconcile(
            @PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BusinessRuleViolation("请上传银行回盘文件");
        }
        return returns.reconcile(id, file.getInputStream());
    }

    @PostMapping("/api/v1/assistance/payment-items/{id}/reissue")
    Map<String, Long> reissue(@PathVariable long id) {
        return Map.of("id", reissues.reissue(id));
    }

    /** The bank file of an approved roll: the same bytes on every download. */
    @GetMapping("/api/v1/assistance/payment-rolls/{id}/bank-file")
    ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        return download(bankFiles.original(id));
    }

    @PostMapping("/api/v1/assistance/payment-rolls/{id}/reissue-file")
    ResponseEntity<byte[]> reissueFile(@PathVariable long id) {
        return download(bankFiles.reissues(id));
    }

    static ResponseEntity<byte[]> download(BankFiles.BankFile file) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-SM3", file.sm3())
                .header("Cache-Control", "no-store")
                .contentType(new org.springframework.http.MediaType("text", "plain", BankFiles.GB18030))
                .body(file.content());
    }

    @GetMapping("/api/v1/assistance/statistics")
    AssistanceStatistics.Year statistics(@RequestParam int year) {
        return statistics.of(year);
    }

    @ExceptionHandler(PaymentRolls.AlreadyGenerated.class)
    ResponseEntity<Map<String, Object>> already(PaymentRolls.AlreadyGenerated e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 409);
        body.put("error", "Conflict");
        body.put("message", e.getMessage());
        body.put("rollId", e.rollId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    static YearMonth parsePeriod(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation("发放月份须为 YYYY-MM 格式，例如 2026-12");
        }
    }
}
