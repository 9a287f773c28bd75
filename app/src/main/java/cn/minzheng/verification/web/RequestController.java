package cn.minzheng.verification.web;

import cn.minzheng.resident.Residents;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.verification.Finding;
import cn.minzheng.verification.FindingOutcome;
import cn.minzheng.verification.FindingReviews;
import cn.minzheng.verification.FindingState;
import cn.minzheng.verification.Findings;
import cn.minzheng.verification.RequestDetails;
import cn.minzheng.verification.RequestSummary;
import cn.minzheng.verification.VerificationReports;
import cn.minzheng.verification.VerificationRequests;
import cn.minzheng.verification.VerificationRoles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 核对请求与结果 screens: the list, a new request, a request's results and report, a finding's review. */
@Controller
class RequestController {

    private final VerificationRequests requests;
    private final FindingReviews reviews;
    private final VerificationReports reports;
    private final Residents residents;
    private final Findings allFindings;

    RequestController(
            VerificationRequests requests,
            FindingReviews reviews,
            VerificationReports reports,
            Residents residents,
            Findings allFindings) {
        this.allFindings = allFindings;
        this.requests = requests;
        this.reviews = reviews;
        this.reports = reports;
        this.residents = residents;
    }

    @GetMapping("/verification/requests")
    @PreAuthorize(VerificationRoles.READ)
    String list(
            @RequestParam(required = false) Long household,
            @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) java.time.YearMonth month,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int size = 50;
        RequestDetails.Filter filter = new RequestDetails.Filter(household, batch, status, null, area, month);
        long total = requests.count(filter);
        List<RequestSummary> shown = requests.list(filter, size, Math.max(0, page) * size);
        model.addAttribute("requests", shown);
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", (int) Math.max(1, (total + size - 1) / size));
        model.addAttribute(
                "householdNos",
                residents.householdNumbers(shown.stream()
                        .map(RequestSummary::householdId)
                        .distinct()
                        .toList()));
        model.addAttribute("household", household);
        model.addAttribute("batch", batch);
        model.addAttribute("status", status);
        model.addAttribute("area", area);
        model.addAttribute("month", month);
        return "verification/requests";
    }

    @PostMapping("/verification/requests")
    @PreAuthorize(VerificationRoles.HANDLE)
    String request(
            @RequestParam(required = false) Long householdId,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String caseRef,
            RedirectAttributes redirect) {
        try {
            if (householdId == null) {
                throw new BusinessRuleViolation("请填写家庭编号");
            }
            RequestSummary summary =
                    requests.request(new VerificationRequests.HouseholdRequest(householdId, programme, caseRef));
            redirect.addFlashAttribute(
                    "notice",
                    "核对完成：比对 " + summary.persons() + " 人、" + summary.recordsCompared() + " 条信息，疑点 " + summary.findings()
                            + " 条");
            return "redirect:/verification/requests/" + summary.id();
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return householdId == null
                    ? "redirect:/verification/requests"
                    : "redirect:/verification/requests?household=" + householdId;
        }
    }

    @GetMapping("/verification/requests/{id}")
    @PreAuthorize(VerificationRoles.READ)
    String request(@PathVariable long id, Model model) {
        model.addAttribute("detail", requests.detail(id));
        model.addAttribute("outcomes", FindingOutcome.values());
        return "verification/request";
    }

    @PostMapping("/verification/requests/{id}/reports")
    @PreAuthorize(VerificationRoles.HANDLE)
    String issue(@PathVariable long id, RedirectAttributes redirect) {
        try {
            RequestDetails.Report report = reports.issue(id);
            redirect.addFlashAttribute("notice", "已出具核对报告（第 " + report.version() + " 版）");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/requests/" + id;
    }

    @GetMapping("/verification/findings/{id}")
    @PreAuthorize(VerificationRoles.READ)
    String finding(@PathVariable long id, Model model) {
        Finding finding = allFindings.find(id);
        model.addAttribute("finding", finding);
        model.addAttribute("outcomes", FindingOutcome.values());
        return "verification/finding";
    }

    @PostMapping("/verification/findings/{id}/classification")
    @PreAuthorize(VerificationRoles.HANDLE)
    String classify(
            @PathVariable long id,
            @RequestParam(required = false) FindingOutcome outcome,
            @RequestParam(required = false) String reason,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            RedirectAttributes redirect) {
        try {
            reviews.classify(id, outcome, reason, VerificationApiController.uploads(evidence));
            redirect.addFlashAttribute(
                    "notice",
                    allFindings.find(id).state() == FindingState.AWAITING_CONFIRMATION
                            ? "已认定为误报，须由另一位工作人员确认后生效"
                            : "已记录核实结论");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/findings/" + id;
    }

    /** 第二人确认 of a dismissed disqualifying finding. */
    @PostMapping("/verification/findings/{id}/confirmation")
    @PreAuthorize(VerificationRoles.HANDLE)
    String confirm(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            reviews.confirmDismissal(id, reason);
            redirect.addFlashAttribute("notice", "已确认误报认定");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/findings/" + id;
    }

    @PostMapping("/verification/findings/{id}/objection")
    @PreAuthorize(VerificationRoles.HANDLE)
    String object(
            @PathVariable long id,
            @RequestParam(required = false) String statement,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            RedirectAttributes redirect) {
        try {
            reviews.object(id, statement, VerificationApiController.uploads(evidence));
            redirect.addFlashAttribute("notice", "已登记申请人的异议，待复核");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/findings/" + id;
    }

    @PostMapping("/verification/findings/{id}/re-review")
    @PreAuthorize(VerificationRoles.HANDLE)
    String reReview(
            @PathVariable long id,
            @RequestParam(required = false) FindingOutcome outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            reviews.reReview(id, outcome, reason);
            redirect.addFlashAttribute("notice", "已记录复核结论");
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/verification/findings/" + id;
    }
}
