package cn.minzheng.assistance;

import cn.minzheng.procedure.Decisions;
import cn.minzheng.procedure.StepConditions;
import cn.minzheng.verification.Authorisations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The social-assistance preconditions the kernel checks before each step of this module's matter types — so that
 * neither the kernel's screens nor its API can go around them:
 *
 * <ul>
 *   <li>提请核对 only when every counted household member has signed the authorisation (审核确认办法第九条);
 *   <li>入户调查 only after the investigation form names at least two investigators (第十六条);
 *   <li>初审意见 (公示 or 报送) only after the home visit, a verification result (the system's or one entered by hand)
 *       and a draft computed by this module's rules;
 *   <li>确认 of a case on the separate register only after the confirming body's own home visit (第十一条、第二十条);
 *       of a 特困 case drawn for the spot check only after the check (特困人员认定办法第十六条);
 *   <li>先行救助 only within the street's approval limit; 一事一议 above the district's cap.
 * </ul>
 */
@Component
class AssistanceConditions implements StepConditions {

    /** The computations this module writes; a decision drafted any other way is not this module's decision. */
    private static final Set<String> OWN_RULES = Set.of(
            DibaoRule.CODE,
            TekunRule.CODE,
            EdgeRule.CODE,
            RigidRule.CODE,
            TemporaryRule.CODE,
            ChangeRule.CODE,
            TekunEndRule.CODE);

    private final ApplicationStore applications;
    private final Decisions decisions;
    private final Authorisations authorisations;
    private final SpotChecks spotChecks;
    private final JdbcClient jdbc;

    AssistanceConditions(
            ApplicationStore applications,
            Decisions decisions,
            Authorisations authorisations,
            SpotChecks spotChecks,
            JdbcClient jdbc) {
        this.applications = applications;
        this.decisions = decisions;
        this.authorisations = authorisations;
        this.spotChecks = spotChecks;
        this.jdbc = jdbc;
    }

    @Override
    public boolean appliesTo(String matterType) {
        return CaseKind.ours(matterType);
    }

    @Override
    public List<String> problems(CaseRef c, String step, LocalDate on) {
        Optional<Application> found = applications.byCase(c.caseId());
        if (found.isEmpty()) {
            return List.of("本案未经社会救助申请受理登记（请在“社会救助 → 申请受理”登记家庭和申请人）");
        }
        Application a = found.get();
        Progress progress = progress(a.id());
        List<String> problems = new ArrayList<>();
        switch (step) {
            case "REQUEST_VERIFICATION" -> authorised(a, on, problems);
            case "HOME_VISIT" -> {
                if (!investigated(a.id())) {
                    problems.add("请先填写入户调查表（调查人员不少于2人，审核确认办法第十六条）");
                }
            }
            case "PUBLISH" -> {
                if (a.kind() == CaseKind.TEKUN_END) {
                    if (!progress.did("HOME_VISIT")) {
                        problems.add("尚未完成入户调查核实（特困人员认定办法第二十五条）");
                    }
                    ownDraft(a.caseId(), problems);
                } else {
                    opinion(a, progress, problems);
                }
            }
            case "SUBMIT" -> {
                if (a.kind() == CaseKind.DIBAO_EDGE
                        || a.kind() == CaseKind.RIGID_EXPENSE
                        || a.kind() == CaseKind.TEMPORARY) {
                    opinion(a, progress, problems);
                }
            }
            case "CONFIRM", "DECIDE" -> {
                ownDraft(c.caseId(), problems);
                if (a.kind() == CaseKind.DIBAO && a.relativesRegister() && !progress.did("RELATIVES_VISIT")) {
                    problems.add("本案已单独登记备案，须先由" + (a.delegated() ? "审核确认机关" : "区民政局") + "入户核查（审核确认办法第二十条）");
                }
                if (a.kind() == CaseKind.TEKUN
                        && spotChecks
                                .of(a.id())
                                .map(SpotChecks.SpotCheck::selected)
                                .orElse(false)
                        && !progress.did("SPOT_CHECK")) {
                    problems.add("本案被抽中抽查，须先完成抽查核实（特困人员认定办法第十六条）");
                }
                if (a.kind() == CaseKind.TEMPORARY && aboveCap(c.caseId()) && coordination(a.id()) == null) {
                    problems.add("救助金额超过区民政局审批上限，须经困难群众基本生活保障工作协调机制一事一议，请先登记会议纪要");
                }
            }
            case "RELATIVES_VISIT" -> {
                if (!a.relativesRegister()) {
                    problems.add("本案未单独登记备案，无需此项核查");
                }
            }
            case "SPOT_CHECK" -> {
                if (!spotChecks.of(a.id()).map(SpotChecks.SpotCheck::selected).orElse(false)) {
                    problems.add("本案未被抽中抽查");
                }
            }
            case "GRANT" -> {
                ownDraft(c.caseId(), problems);
                live(c.caseId())
                        .filter(d -> "APPROVE".equals(d.outcome()))
                        .filter(d -> "false".equals(d.result().get("withinStreetLimit")))
                        .ifPresent(d -> problems.add("救助金额超过街道审批额度，不能先行救助；请按支出型临时救助报区民政局审批"));
            }
            default -> {}
        }
        return problems;
    }

    private void opinion(Application a, Progress progress, List<String> problems) {
        if (!progress.did("HOME_VISIT")) {
            problems.add("尚未完成入户调查（调查人员不少于2人）");
        }
        if (!progress.did("REQUEST_VERIFICATION")) {
            problems.add("尚未提请家庭经济状况核对");
        } else if (!verified(a.id())) {
            problems.add("尚无家庭经济状况核对结果（核对系统未接入时，可人工录入核对结果并注明）");
        }
        if (a.kind() == CaseKind.TEKUN && !assessed(a.id())) {
            problems.add("尚未评估生活自理能力（特困人员认定办法第二十条）");
        }
        ownDraft(a.caseId(), problems);
    }

    private void authorised(Application a, LocalDate on, List<String> problems) {
        String programme = programme(a.kind());
        if (a.householdId() != null && !a.singlePerson() && a.kind() != CaseKind.TEKUN) {
            Authorisations.Coverage coverage = authorisations.coverage(a.householdId(), programme, on);
            if (!coverage.complete()) {
                problems.add("以下计入的家庭成员尚未签署家庭经济状况核对授权书：" + String.join("、", coverage.missing()) + "（审核确认办法第九条）");
            }
        } else if (!authorisations.isAuthorised(a.personId(), programme, on)) {
            problems.add("申请人尚未签署经济状况核对授权书（审核确认办法第九条；特困人员认定办法第十条）");
        }
    }

    /** The programme code an authorisation letter names for this kind of case. */
    static String programme(CaseKind kind) {
        return switch (kind) {
            case TEMPORARY, TEMPORARY_URGENT -> "TEMPORARY";
            case CHANGE -> "DIBAO";
            case TEKUN_END -> "TEKUN";
            default -> kind.name();
        };
    }

    private void ownDraft(long caseId, List<String> problems) {
        Optional<Decisions.DecisionView> live = live(caseId);
        if (live.isEmpty()) {
            problems.add("尚未按社会救助的计算规则起草决定（初审意见）");
        } else if (!OWN_RULES.contains(live.get().ruleCode())) {
            problems.add("决定须由社会救助模块按参数计算后起草（请在申请页面“计算并起草”）");
        }
    }

    private Optional<Decisions.DecisionView> live(long caseId) {
        return decisions.ofCase(caseId).stream()
                .filter(d -> !"WITHDRAWN".equals(d.status()))
                .reduce((first, second) -> second.revision() > first.revision() ? second : first);
    }

    private boolean aboveCap(long caseId) {
        return live(caseId)
                .map(d -> "false".equals(d.result().get("withinCap")))
                .orElse(false);
    }

    private String coordination(long applicationId) {
        return jdbc.sql("select coordination_ref from assistance_temporary where application_id = ?")
                .param(applicationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private boolean investigated(long applicationId) {
        return count("select count(*) from assistance_investigation where application_id = ?", applicationId) > 0;
    }

    private boolean verified(long applicationId) {
        return count("select count(*) from assistance_verification where application_id = ?", applicationId) > 0;
    }

    private boolean assessed(long applicationId) {
        return count("select count(*) from assistance_care_assessment where application_id = ?", applicationId) > 0;
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private record Progress(List<String> steps) {
        boolean did(String step) {
            return steps.contains(step);
        }
    }

    private Progress progress(long applicationId) {
        return jdbc.sql("select steps_done from assistance_application where id = ?")
                .param(applicationId)
                .query((rs, n) ->
                        new Progress(Arrays.asList((String[]) rs.getArray(1).getArray())))
                .single();
    }

    static boolean hasRole(String role) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(("ROLE_" + role)::equals);
    }
}
