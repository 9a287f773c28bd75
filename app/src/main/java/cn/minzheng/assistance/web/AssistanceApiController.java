package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Application;
import cn.minzheng.assistance.Applications;
import cn.minzheng.assistance.Assessments;
import cn.minzheng.assistance.AssistanceRoles;
import cn.minzheng.assistance.CaseFiles;
import cn.minzheng.assistance.CaseKind;
import cn.minzheng.assistance.CaseVerification;
import cn.minzheng.assistance.EmergencyTeam;
import cn.minzheng.assistance.GeneratedTasks;
import cn.minzheng.assistance.InboxPage;
import cn.minzheng.assistance.Investigation;
import cn.minzheng.assistance.Investigations;
import cn.minzheng.assistance.JobReferral;
import cn.minzheng.assistance.JobReferrals;
import cn.minzheng.assistance.PortalInbox;
import cn.minzheng.assistance.ReviewTask;
import cn.minzheng.assistance.ReviewTaskActs;
import cn.minzheng.assistance.ReviewTaskGenerator;
import cn.minzheng.assistance.ReviewTasks;
import cn.minzheng.assistance.SinglePersonGround;
import cn.minzheng.assistance.TemporaryAid;
import cn.minzheng.assistance.VerificationResults;
import cn.minzheng.assistance.WaitingApplication;
import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.procedure.Decisions;
import cn.minzheng.shared.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for assistance cases, dynamic management, the emergency response team and the portal applications waiting at
 * the street (issue 5). The procedural acts themselves (steps, attachments, notices, extensions, decision documents)
 * are the kernel's endpoints under {@code /api/v1/procedure}; they apply this module's preconditions too.
 */
@RestController
@RequestMapping("/api/v1/assistance")
class AssistanceApiController {

    private final Applications applications;
    private final CaseFiles files;
    private final Investigations investigations;
    private final VerificationResults verifications;
    private final CaseVerification caseVerification;
    private final Assessments assessments;
    private final TemporaryAid temporary;
    private final ReviewTasks reviews;
    private final EmergencyTeam team;
    private final PortalInbox portal;
    private final Clock clock;
    private final ReviewTaskGenerator generator;
    private final ReviewTaskActs acts;
    private final JobReferrals referrals;

    AssistanceApiController(
            Applications applications,
            CaseFiles files,
            Investigations investigations,
            VerificationResults verifications,
            CaseVerification caseVerification,
            Assessments assessments,
            TemporaryAid temporary,
            ReviewTasks reviews,
            EmergencyTeam team,
            PortalInbox portal,
            Clock clock,
            ReviewTaskGenerator generator,
            ReviewTaskActs acts,
            JobReferrals referrals) {
        this.referrals = referrals;
        this.acts = acts;
        this.generator = generator;
        this.applications = applications;
        this.files = files;
        this.investigations = investigations;
        this.verifications = verifications;
        this.caseVerification = caseVerification;
        this.assessments = assessments;
        this.temporary = temporary;
        this.reviews = reviews;
        this.team = team;
        this.portal = portal;
        this.clock = clock;
    }

    // --- applications ---------------------------------------------------------------------------------------------

    @GetMapping("/applications")
    List<Application> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "0") int page) {
        Boolean open = switch (show) {
            case "closed" -> false;
            case "all" -> null;
            default -> true;
        };
        return applications.list(CaseKind.parse(kind), state == null ? List.of() : List.of(state), open, page, 100);
    }

    record MaterialBody(String kind, String fileName, String contentBase64) {

        Applications.Material material() {
            try {
                return new Applications.Material(
                        kind,
                        fileName,
                        contentBase64 == null
                                ? new byte[0]
                                : Base64.getDecoder().decode(contentBase64));
            } catch (IllegalArgumentException e) {
                throw new BusinessRuleViolation("材料内容须为 Base64 编码");
            }
        }
    }

    record IntakeBody(
            String kind,
            Long householdId,
            Long personId,
            Boolean singlePerson,
            LocalDate receivedOn,
            String lateReason,
            Boolean relativesRegister,
            String relativesNote,
            Boolean childWelfare,
            List<MaterialBody> materials,
            Long portalId,
            Applications.TemporaryRequest temporary,
            String singleGround,
            String singleGroundNote) {}

    record IntakeAnswer(Application application, List<String> missing, boolean accepted) {}

    @PostMapping("/applications")
    @PreAuthorize(AssistanceRoles.INTAKE)
    ResponseEntity<IntakeAnswer> intake(@RequestBody IntakeBody body) {
        Applications.IntakeResult result = applications.intake(new Applications.Intake(
                CaseKind.parse(body.kind()),
                body.householdId(),
                body.personId(),
                Boolean.TRUE.equals(body.singlePerson()),
                body.receivedOn(),
                body.lateReason(),
                Boolean.TRUE.equals(body.relativesRegister()),
                body.relativesNote(),
                Boolean.TRUE.equals(body.childWelfare()),
                materials(body.materials()),
                body.portalId(),
                body.temporary(),
                SinglePersonGround.parse(body.singleGround()),
                body.singleGroundNote()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IntakeAnswer(result.application(), result.missing(), result.accepted()));
    }

    @GetMapping("/applications/{id}")
    CaseFiles.CaseFile get(@PathVariable long id) {
        return files.of(id);
    }

    record MaterialsBody(List<MaterialBody> materials, LocalDate on, String lateReason) {}

    @PostMapping("/applications/{id}/materials")
    @PreAuthorize(AssistanceRoles.INTAKE)
    IntakeAnswer materials(@PathVariable long id, @RequestBody MaterialsBody body) {
        Applications.IntakeResult result =
                applications.completeMaterials(id, materials(body.materials()), body.on(), body.lateReason());
        return new IntakeAnswer(result.application(), result.missing(), result.accepted());
    }

    @PostMapping("/applications/{id}/investigations")
    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    ResponseEntity<Investigation> investigation(
            @PathVariable long id, @RequestBody Investigations.NewInvestigation body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(investigations.record(id, body));
    }

    record CareBody(LocalDate assessedOn, CareGrade.Activities activities, String assessor) {}

    @PostMapping("/applications/{id}/care-assessments")
    @PreAuthorize(AssistanceRoles.INVESTIGATE)
    Investigations.CareAssessment care(@PathVariable long id, @RequestBody CareBody body) {
        return investigations.assessCare(id, body.assessedOn(), body.activities(), body.assessor());
    }

    /** 提请核对 through the verification system: the kernel step and the request, all or nothing. */
    @PostMapping("/applications/{id}/verification-requests")
    @PreAuthorize("hasRole('STREET_OFFICER')")
    ResponseEntity<CaseVerification.Requested> verificationRequest(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(caseVerification.request(id));
    }

    @PostMapping("/applications/{id}/verification-results")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    VerificationResults.Result verification(@PathVariable long id, @RequestBody VerificationResults.ManualResult body) {
        return verifications.recordManual(id, body);
    }

    /** A result whose report is issued but which never reached the case (issue 14 B7): fetched from the request. */
    @PostMapping("/applications/{id}/verification-results/missing")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    VerificationResults.Result fetchMissingVerification(@PathVariable long id) {
        return verifications.fetchMissing(id);
    }

    @GetMapping("/applications/{id}/assessment")
    Assessments.Preview assessment(@PathVariable long id, @RequestParam(required = false) LocalDate on) {
        return assessments.preview(id, on, null);
    }

    record DraftBody(LocalDate on, String reasons, String lateReason, Assessments.Options options) {}

    @PostMapping("/applications/{id}/decision-drafts")
    @PreAuthorize(AssistanceRoles.DRAFT)
    Decisions.DecisionView draft(@PathVariable long id, @RequestBody DraftBody body) {
        return assessments.draft(id, body.on(), body.reasons(), body.lateReason(), body.options());
    }

    record CoordinationBody(String minutes) {}

    @PostMapping("/applications/{id}/coordination")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    TemporaryAid.Temporary coordination(@PathVariable long id, @RequestBody CoordinationBody body) {
        return temporary.recordCoordination(id, body.minutes());
    }

    // --- dynamic management -----------------------------------------------------------------------------------------

    @GetMapping("/review-tasks")
    @PreAuthorize("hasAnyRole('DISTRICT_LEADER', 'DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    List<ReviewTask> tasks() {
        return reviews.todo(500);
    }

    @PostMapping("/review-tasks/generation")
    @PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
    GeneratedTasks generate() {
        return generator.generate(LocalDate.now(clock));
    }

    record CompletionBody(LocalDate on, String note) {}

    @PostMapping("/review-tasks/{id}/completion")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    ReviewTask complete(@PathVariable long id, @RequestBody CompletionBody body) {
        return acts.complete(id, body.on(), body.note());
    }

    record ChangeBody(LocalDate on, String lateReason) {}

    @PostMapping("/review-tasks/{id}/change-case")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER')")
    ResponseEntity<Application> change(@PathVariable long id, @RequestBody(required = false) ChangeBody body) {
        ChangeBody b = body == null ? new ChangeBody(null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(acts.openChange(id, b.on(), b.lateReason()));
    }

    record ReferralBody(Long residentId, LocalDate referredOn, String job, Boolean refused, String goodReason) {}

    @PostMapping("/statuses/{id}/job-referrals")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    JobReferral referral(@PathVariable long id, @RequestBody ReferralBody body) {
        return referrals.recordReferral(
                id,
                body.residentId(),
                body.referredOn(),
                body.job(),
                Boolean.TRUE.equals(body.refused()),
                body.goodReason());
    }

    record ReportBody(LocalDate dueOn, String reason) {}

    @PostMapping("/statuses/{id}/change-reports")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    ReviewTask report(@PathVariable long id, @RequestBody ReportBody body) {
        return acts.report(id, body.dueOn(), body.reason());
    }

    // --- emergency response team ----------------------------------------------------------------------------------

    @GetMapping("/emergency/responders")
    @PreAuthorize(EmergencyTeam.READ)
    List<EmergencyTeam.Responder> roster(@RequestParam(required = false) String community) {
        return team.roster(community, 1000);
    }

    @PostMapping("/emergency/responders")
    @PreAuthorize(EmergencyTeam.MANAGE)
    ResponseEntity<EmergencyTeam.Responder> enrol(@RequestBody EmergencyTeam.NewResponder body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(team.enrol(body));
    }

    record ActiveBody(Boolean active) {}

    @PostMapping("/emergency/responders/{id}/active")
    @PreAuthorize(EmergencyTeam.MANAGE)
    EmergencyTeam.Responder active(@PathVariable long id, @RequestBody ActiveBody body) {
        return team.setActive(id, Boolean.TRUE.equals(body.active()));
    }

    @PostMapping("/emergency/responders/{id}/phone")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    Map<String, String> phone(@PathVariable long id) {
        return Map.of("phone", team.phone(id));
    }

    @GetMapping("/emergency/dispatches")
    @PreAuthorize(EmergencyTeam.READ)
    List<EmergencyTeam.Dispatch> dispatches(@RequestParam(defaultValue = "false") boolean open) {
        return team.dispatches(open, 200);
    }

    @PostMapping("/emergency/dispatches")
    @PreAuthorize(EmergencyTeam.MANAGE)
    ResponseEntity<EmergencyTeam.Dispatch> dispatch(@RequestBody EmergencyTeam.NewDispatch body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(team.dispatch(body));
    }

    @GetMapping("/emergency/dispatches/{id}")
    @PreAuthorize(EmergencyTeam.READ)
    EmergencyTeam.Dispatch dispatchOne(@PathVariable long id) {
        return team.get(id);
    }

    record EventBody(String event, Instant at) {}

    @PostMapping("/emergency/assignments/{id}/events")
    @PreAuthorize(EmergencyTeam.MANAGE)
    EmergencyTeam.Dispatch event(@PathVariable long id, @RequestBody EventBody body) {
        return team.record(id, body.event() == null ? "" : body.event().toUpperCase(), body.at());
    }

    record ClosureBody(String outcome) {}

    @PostMapping("/emergency/dispatches/{id}/closure")
    @PreAuthorize(EmergencyTeam.MANAGE)
    EmergencyTeam.Dispatch close(@PathVariable long id, @RequestBody ClosureBody body) {
        return team.close(id, body.outcome());
    }

    // --- portal applications at the street --------------------------------------------------------------------------

    @GetMapping("/portal-applications")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    ResponseEntity<List<WaitingApplication>> waiting(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        InboxPage inbox = portal.inbox(all, page, size);
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(inbox.total()))
                .body(inbox.items());
    }

    @GetMapping("/portal-applications/{id}")
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    WaitingApplication portalApplication(@PathVariable long id) {
        return portal.get(id);
    }

    record DeclineBody(String reason) {}

    @PostMapping("/portal-applications/{id}/decline")
    @PreAuthorize("hasRole('STREET_OFFICER')")
    WaitingApplication decline(@PathVariable long id, @RequestBody DeclineBody body) {
        return portal.decline(id, body.reason());
    }

    private static List<Applications.Material> materials(List<MaterialBody> bodies) {
        return bodies == null
                ? List.of()
                : bodies.stream().map(MaterialBody::material).toList();
    }
}
