package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.TemporaryAssistance;
import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.procedure.Cases;
import cn.minzheng.procedure.MatterType;
import cn.minzheng.procedure.MatterTypes;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申请受理: the street takes an application (at its window, or one a resident made on the portal) for a household or a
 * person, opens the case on the procedure kernel under the right matter type (低保 confirmed by the district, or by the
 * street where it holds delegated authority — a per-street parameter), attaches the materials brought and, if any are
 * missing, tells the applicant every missing one at once (一次性告知: the kernel's single suspension, 审核确认办法第十条);
 * with all materials the application is accepted and the statutory clocks start.
 */
@Service
public class Applications {

    private final ApplicationStore store;
    private final Cases cases;
    private final MatterTypes matterTypes;
    private final Parameters parameters;
    private final Households households;
    private final PortalApplications portal;
    private final SinglePersonGate singlePersons;
    private final CurrentStatuses current;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Applications(
            ApplicationStore store,
            Cases cases,
            MatterTypes matterTypes,
            Parameters parameters,
            Households households,
            PortalApplications portal,
            SinglePersonGate singlePersons,
            CurrentStatuses current,
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.matterTypes = matterTypes;
        this.parameters = parameters;
        this.households = households;
        this.portal = portal;
        this.singlePersons = singlePersons;
        this.current = current;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A material the applicant brought: the kind the matter type names, and the scan. */
    public record Material(String kind, String fileName, byte[] content) {}

    /** For 临时救助: the kind of hardship, how severe, how many people need help, what happened. */
    public record TemporaryRequest(String severity, int members, String situation) {}

    /**
     * An application. {@code householdId} for a household's application (the head applies unless {@code personId}
     * names another member); {@code personId} alone for 特困 or a single-person 低保 ({@code singlePerson}).
     */
    public record Intake(
            CaseKind kind,
            Long householdId,
            Long personId,
            boolean singlePerson,
            LocalDate receivedOn,
            String lateReason,
            boolean relativesRegister,
            String relativesNote,
            boolean childWelfare,
            List<Material> materials,
            Long portalId,
            TemporaryRequest temporary,
            SinglePersonGround singleGround,
            String singleGroundNote) {

        /** An application that is not a single-person one (or whose ground is given later). */
        public Intake(
                CaseKind kind,
                Long householdId,
                Long personId,
                boolean singlePerson,
                LocalDate receivedOn,
                String lateReason,
                boolean relativesRegister,
                String relativesNote,
                boolean childWelfare,
                List<Material> materials,
                Long portalId,
                TemporaryRequest temporary) {
            this(
                    kind,
                    householdId,
                    personId,
                    singlePerson,
                    receivedOn,
                    lateReason,
                    relativesRegister,
                    relativesNote,
                    childWelfare,
                    materials,
                    portalId,
                    temporary,
                    null,
                    null);
        }
    }

    /** What happened at the window: accepted, or told once which materials are missing. */
    public record IntakeResult(Application application, List<String> missing, boolean accepted) {}

    @PreAuthorize(AssistanceRoles.INTAKE)
    @Transactional
    public IntakeResult intake(Intake in) {
        if (in.kind() == null || in.kind() == CaseKind.CHANGE) {
            throw new BusinessRuleViolation("请选择申请事项（低保、特困、低保边缘、刚性支出困难或临时救助）");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate received = in.receivedOn() == null ? today : in.receivedOn();
        Subject subject = subject(in, received);
        if (in.relativesRegister()
                && (in.relativesNote() == null || in.relativesNote().isBlank())) {
            throw new BusinessRuleViolation("单独登记备案须写明申请人或家庭成员与哪位经办人员或社区干部是近亲属关系（审核确认办法第十一条）");
        }
        if (in.kind() == CaseKind.TEMPORARY || in.kind() == CaseKind.TEMPORARY_URGENT) {
            temporary(in.temporary());
        }
        if (in.kind() == CaseKind.DIBAO && subject.single()) {
            singlePersons.check(
                    subject.person(),
                    subject.household(),
                    new SinglePersonGate.Statement(in.singleGround(), in.singleGroundNote()),
                    received);
        }
        refuseDuplicate(in.kind(), subject);
        refuseHeld(in.kind(), subject, received);
        boolean delegated = in.kind() == CaseKind.DIBAO && delegated(subject.community(), received);
        String matterType = delegated ? CaseKind.DIBAO_DELEGATED : in.kind().matterType();
        String subjectRef = subject.household() != null && !subject.single()
                ? "household:" + subject.household()
                : "person:" + subject.person();
        Cases.CaseView opened = cases.open(new Cases.NewCase(
                matterType,
                subject.community(),
                subject.applicantName(),
                "PERSON",
                subjectRef,
                received,
                in.lateReason(),
                in.kind().label() + (in.portalId() == null ? "（街道窗口受理登记）" : "（网上申请转入）")));
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        long id = store.insert(new ApplicationStore.NewApplication(
                opened.id(),
                opened.caseNumber(),
                matterType,
                in.kind(),
                subject.household(),
                subject.person(),
                subject.single(),
                subject.community(),
                subject.applicantName(),
                in.portalId() == null ? "STREET" : "PORTAL",
                in.portalId(),
                in.relativesRegister(),
                in.relativesRegister() ? in.relativesNote().strip() : null,
                delegated,
                null,
                null,
                in.childWelfare(),
                opened.state(),
                received,
                actor,
                in.kind() == CaseKind.DIBAO && subject.single() ? in.singleGround() : null,
                in.singleGroundNote() == null ? null : in.singleGroundNote().strip()));
        if (in.temporary() != null && (in.kind() == CaseKind.TEMPORARY || in.kind() == CaseKind.TEMPORARY_URGENT)) {
            jdbc.sql("""
                            insert into assistance_temporary (application_id, community_code, kind, severity, members,
                                situation)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            subject.community(),
                            in.kind() == CaseKind.TEMPORARY_URGENT ? "EMERGENCY" : "EXPENDITURE",
                            in.temporary().severity(),
                            in.temporary().members(),
                            in.temporary().situation().strip())
                    .update();
        }
        if (in.portalId() != null) {
            portal.accepted(in.portalId(), id);
        }
        attach(opened.id(), in.materials());
        audit.record(AuditEvent.success("ASSISTANCE_APPLICATION_REGISTERED", "assistance_application", id)
                .because(in.kind().name() + " " + opened.caseNumber()
                        + (in.relativesRegister() ? " relatives-register" : "")));
        if (in.kind() == CaseKind.TEMPORARY_URGENT) {
            // 先行救助: no acceptance step; the materials are completed after the aid.
            return new IntakeResult(store.find(id).orElseThrow(), List.of(), false);
        }
        return acceptOrNotify(store.find(id).orElseThrow(), received, in.lateReason());
    }

    /**
     * The applicant brings the missing materials: they are attached, the clocks run again, and the application is
     * accepted — or, if something is still missing, what was brought is kept and the answer names what is still
     * missing; nothing new can be asked for (the notice is given once), and the case waits for the rest or is
     * terminated.
     */
    @PreAuthorize(AssistanceRoles.INTAKE)
    @Transactional
    public IntakeResult completeMaterials(
            long applicationId, List<Material> materials, LocalDate on, String lateReason) {
        Application a = find(applicationId);
        attach(a.caseId(), materials);
        Cases.CaseView view = cases.view(a.caseId());
        if (!"RECEIVED".equals(view.state())) {
            throw new BusinessRuleViolation("申请已受理，补充的材料已归档");
        }
        List<String> missing = missing(a, view);
        if (!missing.isEmpty()) {
            // What was brought is kept; the notice was given once and is not repeated.
            return new IntakeResult(find(applicationId), names(a, missing), false);
        }
        if (view.suspended()) {
            cases.resume(a.caseId(), new Cases.Act(on, "申请人已补齐一次性告知的全部材料", lateReason, List.of()));
        }
        cases.perform(a.caseId(), "ACCEPT", new Cases.Act(on, "材料齐全，予以受理", lateReason, List.of()));
        return new IntakeResult(find(applicationId), List.of(), true);
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public Application find(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("申请不存在，或不在您的数据范围内"));
    }

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public Application byCase(long caseId) {
        return store.byCase(caseId).orElseThrow(() -> new NotFound("该案件不是社会救助申请，或不在您的数据范围内"));
    }

    /** Applications in the viewer's scope, newest first. */
    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public List<Application> list(CaseKind kind, List<String> states, Boolean open, int page, int size) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        int limit = Math.max(1, Math.min(size, 200));
        return store.list(
                scope.code(), kind, states == null ? List.of() : states, open, limit, Math.max(0, page) * limit);
    }

    /** The missing materials told to the applicant once (一次性告知), with the day, or null when none were missing. */
    public record CorrectionNotice(Application application, LocalDate on, List<String> missing) {}

    @PreAuthorize(AssistanceRoles.READ)
    @Transactional(readOnly = true)
    public CorrectionNotice correctionNotice(long applicationId) {
        Application a = find(applicationId);
        return jdbc.sql("select correction_on, correction_missing from assistance_application where id = ?")
                .param(a.id())
                .query((rs, n) -> rs.getObject("correction_on", LocalDate.class) == null
                        ? null
                        : new CorrectionNotice(
                                a,
                                rs.getObject("correction_on", LocalDate.class),
                                names(a, java.util.Arrays.asList((String[])
                                        rs.getArray("correction_missing").getArray()))))
                .optional()
                .orElse(null);
    }

    // --- internals ----------------------------------------------------------------------------------------------

    private IntakeResult acceptOrNotify(Application a, LocalDate on, String lateReason) {
        Cases.CaseView view = cases.view(a.caseId());
        List<String> missing = missing(a, view);
        if (missing.isEmpty()) {
            cases.perform(a.caseId(), "ACCEPT", new Cases.Act(on, "材料齐全，予以受理", lateReason, List.of()));
            return new IntakeResult(find(a.id()), List.of(), true);
        }
        List<String> names = names(a, missing);
        cases.suspend(
                a.caseId(),
                new Cases.Suspension(on, "一次性告知：请补齐以下全部材料：" + String.join("、", names), missing, lateReason));
        jdbc.sql("update assistance_application set correction_missing = ?::text[], correction_on = ? where id = ?")
                .params(missing.toArray(String[]::new), on, a.id())
                .update();
        audit.record(AuditEvent.success("ASSISTANCE_CORRECTION_NOTIFIED", "assistance_application", a.id())
                .because("missing " + String.join(",", missing)));
        return new IntakeResult(find(a.id()), names, false);
    }

    /** The materials the acceptance step requires that are not attached yet (codes, in the declaration's order). */
    private List<String> missing(Application a, Cases.CaseView view) {
        MatterType type = matterTypes.latest(a.matterType());
        List<String> required =
                type.step("ACCEPT").map(MatterType.Step::documents).orElse(List.of());
        Set<String> attached = new LinkedHashSet<>();
        view.attachments().forEach(x -> attached.add(x.kind()));
        return required.stream().filter(kind -> !attached.contains(kind)).toList();
    }

    private List<String> names(Application a, List<String> kinds) {
        MatterType type = matterTypes.latest(a.matterType());
        return kinds.stream().map(type::documentName).toList();
    }

    private void attach(long caseId, List<Material> materials) {
        if (materials == null) {
            return;
        }
        for (Material m : materials) {
            if (m.content() == null || m.content().length == 0) {
                continue;
            }
            cases.attach(caseId, m.kind(), m.fileName(), new ByteArrayInputStream(m.content()), "申请人提交");
        }
    }

    private record Subject(Long household, Long person, boolean single, String community, String applicantName) {}

    private Subject subject(Intake in, LocalDate on) {
        boolean personal = in.kind() == CaseKind.TEKUN || in.singlePerson();
        if (personal) {
            if (in.personId() == null) {
                throw new BusinessRuleViolation(in.kind() == CaseKind.TEKUN ? "特困人员认定请选择申请人本人" : "单人户申请请选择申请人本人");
            }
            ResidentSummary person = households.person(in.personId());
            requireAlive(person, on);
            Long household =
                    households.householdOf(person.id()).map(HouseholdView::id).orElse(null);
            return new Subject(household, person.id(), in.singlePerson(), person.communityCode(), person.name());
        }
        if (in.householdId() == null) {
            throw new BusinessRuleViolation("请选择申请的家庭");
        }
        HouseholdView household = households.household(in.householdId());
        Long applicant = in.personId() != null ? in.personId() : household.headId();
        if (applicant == null) {
            throw new BusinessRuleViolation("该家庭没有户主，请先在居民档案中确定户主或选择申请人");
        }
        HouseholdView.Member member = household.members().stream()
                .filter(m -> m.resident().id() == applicant)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("申请人须为该家庭的成员"));
        requireAlive(member.resident(), on);
        return new Subject(
                household.id(),
                applicant,
                false,
                household.communityCode(),
                member.resident().name());
    }

    private static void requireAlive(ResidentSummary person, LocalDate on) {
        if (person.diedOn() != null && !person.diedOn().isAfter(on)) {
            throw new BusinessRuleViolation("申请人已死亡，不能以其名义申请");
        }
    }

    private void refuseDuplicate(CaseKind kind, Subject subject) {
        List<String> open = jdbc.sql("""
                        select case_number from assistance_application
                        where programme = ? and closed_on is null
                          and ((? and household_id = ? and not single_person) or (not ? and person_id = ?))
                        """)
                .params(
                        kind.name(),
                        subject.household() != null && !subject.single(),
                        subject.household(),
                        subject.household() != null && !subject.single(),
                        subject.person())
                .query(String.class)
                .list();
        if (!open.isEmpty() && kind != CaseKind.TEMPORARY_URGENT) {
            throw new BusinessRuleViolation("已有办理中的" + kind.label() + "申请（案件编号 " + open.get(0) + "），不能重复申请");
        }
    }

    /**
     * A household or person already holding the programme applies for it again: refused, saying which status and
     * since when — a change in their situation is handled by dynamic management (审核确认办法第三十条至第三十二条;
     * 刚性支出困难家庭认定办法第十条: a new application once the recognition has run out).
     */
    private void refuseHeld(CaseKind kind, Subject subject, LocalDate on) {
        String category = switch (kind) {
            case DIBAO -> "DIBAO";
            case TEKUN -> "TEKUN";
            case DIBAO_EDGE -> "DIBAO_EDGE";
            case RIGID_EXPENSE -> "RIGID_EXPENSE";
            default -> null;
        };
        if (category == null) {
            return;
        }
        List<String> held = new java.util.ArrayList<>();
        if (subject.household() != null) {
            current.ofHousehold(subject.household(), on).stream()
                    .filter(s -> s.category().equals(category))
                    .forEach(s -> held.add("该家庭已是" + s.inWords()));
        }
        if (subject.single() || kind == CaseKind.TEKUN || subject.household() == null) {
            current.ofPerson(subject.person(), on).stream()
                    .filter(s -> s.category().equals(category))
                    .forEach(s -> held.add("申请人已是" + s.inWords()));
        } else {
            for (HouseholdView.Member m :
                    households.household(subject.household()).members()) {
                current.ofPerson(m.resident().id(), on).stream()
                        .filter(s -> s.category().equals(category))
                        .forEach(s -> held.add("家庭成员" + m.resident().name() + "已单独享受" + s.inWords()));
            }
        }
        if (!held.isEmpty()) {
            throw new BusinessRuleViolation(
                    String.join("；", held) + "。不能重复申请同一救助；家庭情况有变化的，请在“社会救助 → 核查任务”中登记变化，" + "通过动态管理核查并调整（增发、减发、停发）。");
        }
    }

    /** Whether the street holds delegated authority to confirm 低保 (parameter DIBAO_DELEGATED_TO_STREET, per street). */
    boolean delegated(String community, LocalDate on) {
        return parameters
                .find("DIBAO_DELEGATED_TO_STREET", community, on)
                .map(v -> v.whole() == 1)
                .orElse(false);
    }

    private static void temporary(TemporaryRequest t) {
        if (t == null) {
            throw new BusinessRuleViolation("请填写临时救助的情况：困难程度、需救助人数和事由");
        }
        try {
            TemporaryAssistance.Severity.valueOf(t.severity());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessRuleViolation("请选择困难程度（一般、较重、特别严重）");
        }
        if (t.members() < 1 || t.members() > 20) {
            throw new BusinessRuleViolation("需救助的人数须在 1 至 20 人之间");
        }
        if (t.situation() == null || t.situation().strip().length() < 4) {
            throw new BusinessRuleViolation("请写明遭遇的急难情况或突发支出");
        }
    }
}
