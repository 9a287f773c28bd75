package cn.minzheng.procedure;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.StaffNames;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the one page of a case shows from the kernel, ready for a person to read: only the acts the viewer may take
 * now (each a form), what the next steps wait for and who takes them, the history in words (state names, staff names,
 * articles by title and number). A business module's page builds it from the case and adds its own facts around it.
 */
@Component
public class CaseScreens {

    private final MatterTypes matterTypes;
    private final LegalBasis legalBasis;
    private final StaffNames staffNames;
    private final Clock clock;

    CaseScreens(MatterTypes matterTypes, LegalBasis legalBasis, StaffNames staffNames, Clock clock) {
        this.matterTypes = matterTypes;
        this.legalBasis = legalBasis;
        this.staffNames = staffNames;
        this.clock = clock;
    }

    /** What the kernel's forms on a case page need besides the case: today and the blank form (see case-parts). */
    public void addForms(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("blankActForm", ActForm.today(today));
        model.addAttribute("channels", Notices.CHANNELS);
        // who may have taken part in an act: suggested while typing (入户调查, 执法人员)
        model.addAttribute(
                "colleagueNames",
                DataScopes.current()
                        .map(s -> staffNames.namesInStreet(s.code()))
                        .orElse(List.of()));
    }

    /** A next step the viewer cannot take now, and why (another role takes it, or what is missing). */
    public record Waiting(String step, String reason) {}

    /** One line of the history. */
    public record TimelineRow(
            int seq,
            LocalDate on,
            String what,
            String state,
            String actorName,
            String note,
            String lateReason,
            String basis,
            Instant recordedAt) {}

    public record CaseScreen(
            Cases.CaseView c,
            List<Cases.ActionView> allowed,
            List<Waiting> waiting,
            List<TimelineRow> timeline,
            Map<String, String> stateNames) {

        public boolean hasActions() {
            return !allowed.isEmpty() || c.maySuspend() || c.mayResume() || c.mayDraft();
        }

        /** The allowed action with this step code, or null. */
        public Cases.ActionView allowed(String step) {
            return allowed.stream()
                    .filter(a -> a.code().equals(step))
                    .findFirst()
                    .orElse(null);
        }
    }

    public CaseScreen of(Cases.CaseView c) {
        return of(c, Set.of());
    }

    /**
     * The case as its page shows it. {@code ownForms} are the steps the business page offers with forms of its own
     * that also supply what the step needs (the investigation form records the visit and attaches its form): they are
     * offered whenever the viewer's role may take them and the case is not suspended, whatever else is still missing.
     */
    public CaseScreen of(Cases.CaseView c, Set<String> ownForms) {
        MatterType type = matterTypes.byId(c.matterTypeVersionId());
        Map<String, String> stateNames = type.stateNames();
        List<Cases.ActionView> allowed = new ArrayList<>();
        Map<String, Waiting> waiting = new LinkedHashMap<>();
        for (Cases.ActionView a : c.actions()) {
            boolean otherRole = a.problems().stream().anyMatch(p -> p.startsWith("须由"));
            if (a.allowed() || (ownForms.contains(a.code()) && !otherRole && !c.suspended())) {
                allowed.add(a);
                continue;
            }
            if (otherRole) {
                String who = a.roles();
                waiting.merge(
                        "role:" + who,
                        new Waiting(a.name(), "由" + who + "办理"),
                        (x, y) -> new Waiting(x.step() + "、" + y.step(), x.reason()));
            } else {
                waiting.put(a.code(), new Waiting(a.name(), String.join("；", a.problems())));
            }
        }
        List<TimelineRow> timeline = c.timeline().stream()
                .map(e -> new TimelineRow(
                        e.seq(),
                        e.occurredOn(),
                        e.stepName() != null ? e.stepName() : e.kindLabel(),
                        e.toState() == null ? null : stateNames.getOrDefault(e.toState(), e.toState()),
                        e.actorName(),
                        e.note(),
                        e.lateReason(),
                        e.basis() == null
                                ? null
                                : legalBasis.find(e.basis()).map(Citation::text).orElse(null),
                        e.recordedAt()))
                .toList();
        return new CaseScreen(c, allowed, List.copyOf(waiting.values()), timeline, stateNames);
    }
}
