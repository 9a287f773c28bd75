package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 补发: a failed payment is re-issued by voiding the failed item and adding a new one linked to it — never by a second
 * live item for the same beneficiary and month (the unique index would refuse it).
 */
@Service
public class Reissues {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Reissues(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER')")
    @Transactional
    public long reissue(long itemId) {
        String state = jdbc.sql("select state from payment_item where id = ? for update")
                .param(itemId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("发放明细 " + itemId + " 不存在，或不在您的数据范围内"));
        if (!state.equals("FAILED")) {
            throw new BusinessRuleViolation("只有发放失败的明细可以补发（当前状态：" + state + "）");
        }
        jdbc.sql("update payment_item set state = 'VOIDED' where id = ?")
                .param(itemId)
                .update();
        long id = jdbc.sql("""
                        insert into payment_item (roll_id, programme_code, period, status_id, subject_type, subject_id,
                                                  community_code, amount_fen, state, reissue_of)
                        select roll_id, programme_code, period, status_id, subject_type, subject_id, community_code,
                               amount_fen, 'PENDING', id
                        from payment_item where id = ?
                        returning id
                        """).param(itemId).query(Long.class).single();
        audit.record(AuditEvent.success("PAYMENT_REISSUED", "payment_item", id).because("reissue of " + itemId));
        return id;
    }
}
