package cn.minzheng.verification;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.WorkItem;
import cn.minzheng.platform.WorkSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Verification's part of the worklist: findings waiting to be checked with the household, per request. */
@Component
class VerificationWork implements WorkSource {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VerificationWork(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Open(long requestId, String communityCode, int open, java.sql.Date requestedOn) {}

    @Override
    public List<WorkItem> work() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean handles = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_STREET_OFFICER")
                                || a.getAuthority().equals("ROLE_DEPARTMENT_OFFICER"));
        if (!handles) {
            return List.of();
        }
        String scope = DataScopes.current().map(s -> s.code()).orElse("-");
        LocalDate today = LocalDate.now(clock);
        List<Open> open = transactions.execute(
                status -> jdbc.sql("""
                        select r.id as request_id, r.community_code, count(f.id) as open,
                               cast(r.requested_at as date) as requested_on
                        from verification_request r join verification_finding f on f.request_id = r.id
                        where starts_with(r.community_code, ?)
                          and coalesce((select v.kind || case when v.kind = 'CLASSIFICATION'
                                                and v.outcome = 'FALSE_POSITIVE' and f.severity = 'DISQUALIFYING'
                                                then ':AWAITING' else '' end
                                        from verification_review v where v.finding_id = f.id
                                        order by v.id desc limit 1), 'NONE')
                              in ('NONE', 'OBJECTION', 'CLASSIFICATION:AWAITING')
                        group by r.id, r.community_code, r.requested_at
                        order by r.requested_at limit 50
                        """).param(scope).query(Open.class).list());
        return open.stream()
                .map(o -> WorkItem.due(
                        "待核实核对疑点",
                        "第 " + o.requestId() + " 号核对请求的 " + o.open() + " 条疑点",
                        "与家庭核实每条比对疑点（属实、需说明或误报；不符合条件的疑点认定误报须附证据并由另一人确认）后才能出具核对报告",
                        "/verification/requests/" + o.requestId(),
                        o.requestedOn().toLocalDate().plusDays(10),
                        today))
                .toList();
    }
}
