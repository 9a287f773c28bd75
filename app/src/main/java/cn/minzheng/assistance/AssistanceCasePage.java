package cn.minzheng.assistance;

import cn.minzheng.procedure.CasePage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Social-assistance cases are worked on their application's page, which carries the kernel's parts as well. */
@Component
class AssistanceCasePage implements CasePage {

    private final ApplicationStore store;

    AssistanceCasePage(ApplicationStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> pathOf(long caseId, String matterTypeCode) {
        if (!matterTypeCode.startsWith("ASSIST_")) {
            return Optional.empty();
        }
        return store.byCase(caseId).map(a -> "/assistance/applications/" + a.id());
    }
}
