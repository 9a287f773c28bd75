package cn.minzheng.procedure;

import java.util.Optional;

/**
 * Where a business module shows its cases: the one page on which a person works a case (its business facts and the
 * kernel's state, clocks, actions, documents and history together). A module contributes a bean; the kernel's own
 * case page then forwards to it, and every act taken on the kernel returns to it.
 */
public interface CasePage {

    /** The page of the case, or empty when its matter type is not this module's. */
    Optional<String> pathOf(long caseId, String matterTypeCode);
}
