package cn.minzheng.region;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private final Regions regions;
    private final RegionChanges changes;
    private final RegionRemapping remapping;

    RegionApiController(Regions regions, RegionChanges changes, RegionRemapping remapping) {
        this.regions = regions;
        this.changes = changes;
        this.remapping = remapping;
    }

    @GetMapping
    Regions.Tree tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return regions.tree(asOf == null ? regions.today() : asOf);
    }

    @GetMapping("/{code}")
    RegionUnit unit(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf == null ? regions.today() : asOf;
        return regions.find(code, date).orElseThrow(() -> new NotFound("区划代码 " + code + " 在 " + date + " 不存在"));
    }

    record History(List<RegionUnit> versions, List<RegionChange> changes) {}

    @GetMapping("/{code}/history")
    History history(@PathVariable String code) {
        List<RegionUnit> versions = regions.history(code);
        if (versions.isEmpty()) {
            throw new NotFound("区划代码 " + code + " 不存在");
        }
        return new History(versions, regions.changesOf(code));
    }

    /** A change to record; which fields are needed depends on the kind. */
    record ChangeRequest(
            RegionChangeKind kind,
            String code,
            String name,
            String parentCode,
            List<String> codes,
            List<RegionChanges.NewUnit> successors,
            String streetCode,
            String newCode,
            String managingBody,
            LocalDate effectiveOn,
            String documentRef,
            String note) {}

    @PostMapping("/changes")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> record(@RequestBody ChangeRequest request) {
        if (request.kind() == null || request.effectiveOn() == null) {
            throw new BusinessRuleViolation("须填写变更类型 kind 和生效日期 effectiveOn");
        }
        RegionChanges.Basis basis = new RegionChanges.Basis(request.documentRef(), request.note());
        long id = switch (request.kind()) {
            case ESTABLISH ->
                changes.establish(
                        request.code(),
                        request.name(),
                        request.parentCode(),
                        request.effectiveOn(),
                        true,
                        request.managingBody(),
                        basis);
            case RENAME -> changes.rename(request.code(), request.name(), request.effectiveOn(), basis);
            case SPLIT -> changes.split(request.code(), request.successors(), request.effectiveOn(), basis);
            case MERGE ->
                changes.merge(
                        request.codes(),
                        request.successors() == null || request.successors().isEmpty()
                                ? new RegionChanges.NewUnit(request.newCode(), request.name())
                                : request.successors().get(0),
                        request.effectiveOn(),
                        basis);
            case TRANSFER ->
                changes.transfer(
                        request.code(),
                        request.streetCode(),
                        request.newCode(),
                        request.name(),
                        request.managingBody(),
                        true,
                        request.effectiveOn(),
                        basis);
            case ABOLISH -> changes.abolish(request.code(), request.effectiveOn(), basis);
        };
        return Map.of("id", id);
    }

    @GetMapping("/changes/{id}/reconciliation")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    RegionRemapping.Reconciliation reconciliation(@PathVariable long id) {
        return remapping.reconcile(id);
    }

    @GetMapping("/changes/{id}/pending")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    List<RegionRemapping.Pending> pending(@PathVariable long id) {
        return remapping.pending(id, 1000);
    }

    record RemapRequest(String holder, List<String> referenceIds, String toCode) {}

    @PostMapping("/changes/{id}/remap")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
    Map<String, Integer> remap(@PathVariable long id, @RequestBody RemapRequest request) {
        return Map.of("moved", remapping.map(id, request.holder(), request.referenceIds(), request.toCode()));
    }
}
