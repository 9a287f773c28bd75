package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of residents: search, register, open (with a purpose), reveal, contact, statuses, death, access log. */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentApiController {

    private final ResidentSearch search;
    private final ResidentFiles files;
    private final ResidentManagement management;
    private final ResidentExport export;
    private final AccessLog accessLog;

    ResidentApiController(
            ResidentSearch search,
            ResidentFiles files,
            ResidentManagement management,
            ResidentExport export,
            AccessLog accessLog) {
        this.search = search;
        this.files = files;
        this.management = management;
        this.export = export;
        this.accessLog = accessLog;
    }

    @GetMapping
    @PreAuthorize(ResidentRoles.READ)
    ResidentSearch.Page list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String community,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return search.search(new ResidentSearch.Query(q, community, page, size));
    }

    @PostMapping
    @PreAuthorize(ResidentRoles.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> register(@RequestBody ResidentManagement.Registration registration) {
        return Map.of("id", management.register(registration));
    }

    /** The list as CSV (ID numbers masked, cells neutralised); logged as an export. */
    @GetMapping("/export.csv")
    @PreAuthorize(ResidentRoles.EXPORT)
    ResponseEntity<byte[]> exportCsv(
            @RequestParam(required = false) String q, @RequestParam(required = false) String community) {
        return ResidentExport.download(export.csv(q, community), "residents.csv");
    }

    @GetMapping("/{id}")
    @PreAuthorize(ResidentRoles.READ)
    ResidentFiles.ResidentFile open(
            @PathVariable long id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String note) {
        return files.open(id, purpose(purpose), note);
    }

    record RevealRequest(ResidentFiles.RevealedField field, String purpose, String note) {}

    @PostMapping("/{id}/reveal")
    @PreAuthorize(ResidentRoles.WRITE)
    Map<String, String> reveal(@PathVariable long id, @RequestBody RevealRequest request) {
        return Map.of("value", files.reveal(id, request.field(), purpose(request.purpose()), request.note()));
    }

    record ContactRequest(String phone, String bankName, String bankAccount) {}

    @PutMapping("/{id}/contact")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> contact(@PathVariable long id, @RequestBody ContactRequest request) {
        management.updateContact(id, request.phone(), request.bankName(), request.bankAccount());
        return ResponseEntity.noContent().build();
    }

    record DateRequest(LocalDate date) {}

    @PostMapping("/{id}/death")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> death(@PathVariable long id, @RequestBody DateRequest request) {
        management.recordDeath(id, request.date());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/statuses")
    @PreAuthorize(ResidentRoles.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> status(@PathVariable long id, @RequestBody ResidentManagement.StatusChange change) {
        return Map.of("id", management.recordStatus(id, change));
    }

    @PostMapping("/statuses/{statusId}/end")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> endStatus(@PathVariable long statusId, @RequestBody DateRequest request) {
        management.endStatus(statusId, request.date());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/access-log")
    @PreAuthorize(ResidentRoles.ACCESS_LOG)
    List<AccessLog.Entry> accessLog(@PathVariable long id) {
        return accessLog.ofResident(id);
    }

    @GetMapping("/access-log")
    @PreAuthorize(ResidentRoles.ACCESS_LOG)
    List<AccessLog.Entry> accessLog(
            @RequestParam(required = false) Long resident,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page) {
        return accessLog.entries(new AccessLog.Filter(resident, actor, from, to), 200, Math.max(0, page) * 200);
    }

    static AccessPurpose purpose(String value) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("请说明查阅事由（purpose）：" + String.join("、", purposes()));
        }
        return AccessPurpose.parse(value)
                .orElseThrow(() -> new BusinessRuleViolation("查阅事由不认识，应为：" + String.join("、", purposes())));
    }

    private static List<String> purposes() {
        return java.util.Arrays.stream(AccessPurpose.values())
                .map(p -> p.name() + "（" + p.label() + "）")
                .toList();
    }
}
