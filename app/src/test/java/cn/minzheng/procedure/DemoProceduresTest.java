package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.As;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo district comes with cases at every stage, some overdue, so that every screen has something to show. */
@SpringBootTest(properties = "minzheng.demo.size=small")
class DemoProceduresTest {

    @Autowired
    Supervision supervision;

    @Autowired
    Cases cases;

    @Autowired
    LegalReviews reviews;

    @Autowired
    Notices notices;

    @Test
    void theDemoDistrictHasCasesAtEveryStage() {
        As leader = new As("quju_lingdao", "610113", "DISTRICT_LEADER");
        Supervision.Board board = leader.call(() -> supervision.board());
        assertThat(board.totals().overdue()).isPositive();
        assertThat(board.overdue()).extracting(Supervision.OverdueItem::kind).contains("不作为", "慢作为");
        assertThat(board.byUnit()).hasSizeGreaterThan(1);
        assertThat(board.byPerson()).hasSizeGreaterThan(2);
        Cases.Page all = leader.call(() -> cases.list(new Cases.CaseFilter(null, "ALL", null), 0, 100));
        assertThat(all.total()).isGreaterThanOrEqualTo(6);
        assertThat(all.cases())
                .extracting(Cases.CaseSummary::matterTypeCode)
                .doesNotContain("DIBAO_APPLICATION", "TEKUN_RECOGNITION")
                .contains("UNRAISED_CHILD", "ADMIN_PENALTY", "INFO_DISCLOSURE_REQUEST");
        assertThat(all.cases()).anyMatch(c -> c.closedOn() != null).anyMatch(Cases.CaseSummary::suspended);
        assertThat(new As("fazhi", "610113", "LEGAL_REVIEWER").call(() -> reviews.queue()))
                .anyMatch(LegalReviews.QueueItem::mayReview);
        assertThat(notices.standing()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(leader.call(() -> supervision.todo())).anyMatch(i -> i.kind().equals("EXTENSION"));
    }
}
