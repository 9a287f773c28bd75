package cn.minzheng.procedure;

import cn.minzheng.shared.NotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one page of each case: the owning module's page if it has one, else the kernel's. */
@Component
public class CasePages {

    private final CaseStore cases;
    private final List<CasePage> pages;

    CasePages(CaseStore cases, List<CasePage> pages) {
        this.cases = cases;
        this.pages = pages;
    }

    @Transactional(readOnly = true)
    public String pathOf(long caseId) {
        CaseRecord c = cases.find(caseId).orElseThrow(() -> new NotFound("案件不存在，或不在您的数据范围内"));
        return modulePathOf(caseId, c.matterTypeCode()).orElse("/procedure/cases/" + caseId);
    }

    Optional<String> modulePathOf(long caseId, String matterTypeCode) {
        for (CasePage page : pages) {
            Optional<String> path = page.pathOf(caseId, matterTypeCode);
            if (path.isPresent()) {
                return path;
            }
        }
        return Optional.empty();
    }
}
