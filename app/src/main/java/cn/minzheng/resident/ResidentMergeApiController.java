package cn.minzheng.resident;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the master person index: candidate duplicates, a fresh search for them, dismissal, merging. */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentMergeApiController {

    private final MasterPersonIndex index;

    ResidentMergeApiController(MasterPersonIndex index) {
        this.index = index;
    }

    @GetMapping("/duplicates")
    @PreAuthorize(ResidentRoles.MERGE)
    List<MasterPersonIndex.Candidate> candidates(@RequestParam(defaultValue = "0") int page) {
        return index.open(100, Math.max(0, page) * 100);
    }

    @PostMapping("/duplicates/scan")
    @PreAuthorize(ResidentRoles.MERGE)
    Map<String, Integer> scan() {
        return Map.of("found", index.scan());
    }

    record Dismissal(String reason) {}

    @PostMapping("/duplicates/{id}/dismiss")
    @PreAuthorize(ResidentRoles.MERGE)
    ResponseEntity<Void> dismiss(@PathVariable long id, @RequestBody Dismissal dismissal) {
        index.dismiss(id, dismissal.reason());
        return ResponseEntity.noContent().build();
    }

    record MergeRequest(Long survivorId, Long mergedId, String reason) {}

    @PostMapping("/merges")
    @PreAuthorize(ResidentRoles.MERGE)
    MasterPersonIndex.Merged merge(@RequestBody MergeRequest request) {
        if (request.survivorId() == null || request.mergedId() == null) {
            throw new cn.minzheng.shared.BusinessRuleViolation("请指定保留的档案（survivorId）和被合并的档案（mergedId）");
        }
        return index.merge(request.survivorId(), request.mergedId(), request.reason());
    }
}
