package cn.minzheng.verification;

import java.util.Optional;

/**
 * A business module whose cases ask for verification tells which household a case reference stands for, as the
 * signed-in caller sees it. The verification module asks when a request is made, so that nobody can hang a
 * household's result on a case they cannot see, or on a case of another household (the assistance module implements
 * it for {@code case:<kernel case id>}). A reference that no module claims is a free label (a paper file number) that
 * no case ever receives a result through.
 */
public interface RequestingCases {

    /** Whether references of this form are this module's cases. */
    boolean claims(String caseRef);

    /**
     * The household of the referenced case, read in the caller's data scope inside the caller's transaction; empty
     * when there is no such case or the caller cannot see it.
     */
    Optional<Long> householdOf(String caseRef);
}
