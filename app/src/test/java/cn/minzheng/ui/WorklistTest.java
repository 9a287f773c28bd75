package cn.minzheng.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.WorkItem;
import cn.minzheng.platform.web.Worklist;
import cn.minzheng.test.As;
import cn.minzheng.test.TestDistrict;
import cn.minzheng.test.TestPostgresSql;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12 §6: the worklist is derived from the state of things, for every role, with the reason: a roll waits for
 * someone other than its generator; a month without a roll is flagged to the officers.
 */
@SpringBootTest
class WorklistTest {

    @Autowired
    Worklist worklist;

    @Autowired
    TestDistrict district;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        district.ensure();
        TestPostgresSql.execute(jdbc, """
                insert into assistance_status (category_code, programme_code, subject_type, subject_id, community_code,
                                               members, monthly_amount_fen, effective_from, decision_ref)
                select 'DIBAO', 'DIBAO', 'HOUSEHOLD', 4242, '610113001001', 2, 60000, date '2026-09-01', '待办测试'
                where not exists (select 1 from assistance_status where decision_ref = '待办测试');
                insert into payment_roll (programme_code, period, state, item_count, total_fen, generated_by, generated_at)
                select 'DIBAO', date '2026-10-01', 'GENERATED', 1, 60000, 't_officer', now()
                where not exists (select 1 from payment_roll where period = date '2026-10-01');
                """);
    }

    private static List<String> kinds(List<WorkItem> items) {
        return items.stream()
                .map(i -> i.kind() + "：" + i.title() + "：" + i.reason())
                .toList();
    }

    @Test
    void aRollWaitsForSomeoneOtherThanItsGeneratorAndAMissingMonthIsFlagged() {
        List<WorkItem> leader = As.leader().call(worklist::items);
        assertThat(kinds(leader)).anySatisfy(k -> assertThat(k).contains("待审核发放名册", "2026年10月", "等待另一位工作人员审核"));
        List<WorkItem> generator = As.officer().call(worklist::items);
        assertThat(kinds(generator)).noneSatisfy(k -> assertThat(k).contains("待审核发放名册"));
        assertThat(kinds(generator)).anySatisfy(k -> assertThat(k).contains("缺少发放名册", "2026年9月", "救助金未发放"));
        assertThat(generator).allSatisfy(i -> assertThat(i.link()).startsWith("/"));
        List<WorkItem> community = As.community().call(worklist::items);
        assertThat(kinds(community)).noneSatisfy(k -> assertThat(k).contains("发放名册"));
    }
}
