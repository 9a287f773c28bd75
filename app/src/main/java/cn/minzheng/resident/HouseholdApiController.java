package cn.minzheng.resident;

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

/** REST API of households: open, who counts for assistance, form, members joining and leaving, head, relationships. */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdApiController {

    private final ResidentFiles files;
    private final HouseholdManagement management;

    HouseholdApiController(ResidentFiles files, HouseholdManagement management) {
        this.files = files;
        this.management = management;
    }

    @GetMapping("/{id}")
    @PreAuthorize(ResidentRoles.READ)
    HouseholdView open(
            @PathVariable long id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String note) {
        return files.openHousehold(id, ResidentApiController.purpose(purpose), note);
    }

    /** 共同生活的家庭成员 per 《最低生活保障审核确认办法》第七条, with the clause and the reason for each member. */
    @GetMapping("/{id}/assistance-members")
    @PreAuthorize(ResidentRoles.READ)
    List<HouseholdMembershipPolicy.Decision> assistanceMembers(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return files.assistanceMembers(id, on);
    }

    record FormRequest(Long headResidentId, String householdNo, LocalDate on) {}

    @PostMapping
    @PreAuthorize(ResidentRoles.WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> form(@RequestBody FormRequest request) {
        if (request.headResidentId() == null) {
            throw new cn.minzheng.shared.BusinessRuleViolation("请指定户主（headResidentId）");
        }
        return Map.of("id", management.form(request.headResidentId(), request.householdNo(), request.on()));
    }

    record JoinRequest(Long residentId, Relationship relationship, JoinReason reason, LocalDate on) {}

    @PostMapping("/{id}/members")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> join(@PathVariable long id, @RequestBody JoinRequest request) {
        management.addMember(id, request.residentId(), request.relationship(), request.reason(), request.on());
        return ResponseEntity.noContent().build();
    }

    record LeaveRequest(LeaveReason reason, LocalDate on) {}

    @PostMapping("/{id}/members/{residentId}/leave")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> leave(
            @PathVariable long id, @PathVariable long residentId, @RequestBody LeaveRequest request) {
        management.removeMember(id, residentId, request.reason(), request.on());
        return ResponseEntity.noContent().build();
    }

    record HeadRequest(Long residentId, Relationship formerHeadBecomes, LocalDate on) {}

    @PostMapping("/{id}/head")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> head(@PathVariable long id, @RequestBody HeadRequest request) {
        management.changeHead(id, request.residentId(), request.formerHeadBecomes(), request.on());
        return ResponseEntity.noContent().build();
    }

    record RelationshipRequest(Relationship relationship) {}

    @PutMapping("/{id}/members/{residentId}/relationship")
    @PreAuthorize(ResidentRoles.WRITE)
    ResponseEntity<Void> relationship(
            @PathVariable long id, @PathVariable long residentId, @RequestBody RelationshipRequest request) {
        management.changeRelationship(id, residentId, request.relationship());
        return ResponseEntity.noContent().build();
    }
}
