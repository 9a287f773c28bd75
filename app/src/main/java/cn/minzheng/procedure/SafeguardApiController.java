package cn.minzheng.procedure;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for the safeguards around legal review: matter type versions that weaken a safeguard and wait for a 法制审核员
 * and a second officer, and each legal reviewer's 法律职业资格 (行政处罚法第五十八条第二款).
 */
@RestController
@RequestMapping("/api/v1/procedure")
class SafeguardApiController {

    private final MatterTypes matterTypes;
    private final LegalReviews reviews;

    SafeguardApiController(MatterTypes matterTypes, LegalReviews reviews) {
        this.matterTypes = matterTypes;
        this.reviews = reviews;
    }

    @GetMapping("/matter-type-versions/pending")
    List<MatterTypes.Pending> pending() {
        return matterTypes.pending();
    }

    record VersionDecision(Boolean approve, String note) {}

    @PostMapping("/matter-type-versions/{id}/decision")
    MatterTypes.Pending decide(@PathVariable long id, @RequestBody VersionDecision body) {
        return matterTypes.decide(id, Boolean.TRUE.equals(body.approve()), body.note());
    }

    @PostMapping("/reviewer-qualification")
    LegalReviews.Qualification qualification(@RequestBody LegalReviews.Qualification body) {
        return reviews.recordQualification(body);
    }
}
