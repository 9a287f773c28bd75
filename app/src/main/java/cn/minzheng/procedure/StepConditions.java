package cn.minzheng.procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's own preconditions on the steps of its matter types, beyond those a declaration can state (documents,
 * participants, notices, drafts): e.g. social assistance requires the authorisation of every counted household member
 * before the verification request, and a home visit before confirming a case on the separate register. Consulted when a
 * step is taken (refused with 422 naming every problem) and when a case page lists what can be done next, so the
 * kernel's own screens and API cannot go around them.
 *
 * <pre>{@code
 * @Component
 * class DibaoConditions implements StepConditions {
 *     public boolean appliesTo(String matterType) { return matterType.startsWith("ASSIST_"); }
 *     public List<String> problems(CaseRef c, String step, LocalDate on) { ... }
 * }
 * }</pre>
 */
public interface StepConditions {

    /** What the conditions may look at: the case as the kernel holds it, with the module's own reference. */
    record CaseRef(
            long caseId, String caseNumber, String matterType, String communityCode, String state, String subjectRef) {}

    boolean appliesTo(String matterType);

    /** What is missing before {@code step} may be taken on {@code on}, in words the officer can act on; empty if nothing. */
    List<String> problems(CaseRef c, String step, LocalDate on);
}
