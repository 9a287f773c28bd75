package cn.minzheng.assistance;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.crypto.FieldCipher;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The street's inbox of 网上申请: the applications sent from the public portal in the viewer's scope, newest first and
 * a page at a time, the applicant's phone to call back (every reading audited), declined with a reason the applicant
 * sees, or taken up at the window by the intake.
 */
@Service
public class PortalInbox {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    PortalInbox(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** The street's inbox, newest first, a page at a time: nothing is out of reach behind newer posts. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public InboxPage inbox(boolean all, int page, int size) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        int pageSize = Math.min(Math.max(1, size), 500);
        int pageNo = Math.max(0, page);
        long total = jdbc.sql("""
                        select count(*) from assistance_portal_application where starts_with(community_code, ?)
                          and (? or state = 'SUBMITTED')
                        """).params(scope.code(), all).query(Long.class).single();
        List<WaitingApplication> items = jdbc.sql("""
                        select * from assistance_portal_application where starts_with(community_code, ?)
                          and (? or state = 'SUBMITTED')
                        order by submitted_at desc, id desc limit ? offset ?
                        """)
                .params(scope.code(), all, pageSize, (long) pageNo * pageSize)
                .query((rs, n) -> waiting(rs))
                .list();
        return new InboxPage(items, total, pageNo, pageSize);
    }

    /** The first page of the inbox (100). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public List<WaitingApplication> waiting(boolean all) {
        return inbox(all, 0, 100).items();
    }

    private static WaitingApplication waiting(ResultSet rs) throws SQLException {
        return new WaitingApplication(
                rs.getLong("id"),
                rs.getString("receipt_no"),
                rs.getString("community_code"),
                rs.getString("programme"),
                rs.getString("applicant_name"),
                rs.getString("phone_masked"),
                rs.getInt("household_size"),
                rs.getString("situation"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("state"),
                (Long) rs.getObject("application_id"));
    }

    /** One application by its id, however many came after it. */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public WaitingApplication get(long id) {
        DataScope scope = DataScopes.current().orElseThrow(() -> new AccessDeniedException("没有数据范围"));
        return jdbc.sql("select * from assistance_portal_application where id = ? and starts_with(community_code, ?)")
                .params(id, scope.code())
                .query((rs, n) -> waiting(rs))
                .optional()
                .orElseThrow(() -> new NotFound("网上申请不存在，或不在您的数据范围内"));
    }

    /** The phone to call the applicant back; every reading is in the audit trail. */
    @PreAuthorize("hasAnyRole('STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public String phone(long id) {
        byte[] sealed = jdbc.sql("select phone_cipher from assistance_portal_application where id = ?")
                .param(id)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new NotFound("网上申请不存在，或不在您的数据范围内"));
        audit.record(AuditEvent.success("PORTAL_PHONE_REVEALED", "assistance_portal_application", id));
        return EmergencyTeam.decrypt(cipher, sealed, PortalApplications.PHONE_PURPOSE);
    }

    @PreAuthorize("hasRole('STREET_OFFICER')")
    @Transactional
    public WaitingApplication decline(long id, String reason) {
        get(id);
        if (reason == null || reason.strip().length() < 4) {
            throw new BusinessRuleViolation("请写明不予受理的理由（申请人查询时可见），如：经联系核实，申请人已撤回");
        }
        int changed = jdbc.sql("""
                        update assistance_portal_application
                        set state = 'DECLINED', decline_reason = ?, handled_by = ?, handled_at = ?
                        where id = ? and state = 'SUBMITTED'
                        """)
                .params(reason.strip(), actor(), Timestamp.from(clock.instant()), id)
                .update();
        if (changed == 0) {
            throw new BusinessRuleViolation("该网上申请已处理，或不在您的数据范围内");
        }
        audit.record(AuditEvent.success("PORTAL_APPLICATION_DECLINED", "assistance_portal_application", id));
        return get(id);
    }

    /** Called by the intake when the street takes the application up (in the intake's transaction). */
    void accepted(long portalId, long applicationId) {
        int changed = jdbc.sql("""
                        update assistance_portal_application
                        set state = 'ACCEPTED', application_id = ?, handled_by = ?, handled_at = ?
                        where id = ? and state = 'SUBMITTED'
                        """)
                .params(applicationId, actor(), Timestamp.from(clock.instant()), portalId)
                .update();
        if (changed == 0) {
            throw new BusinessRuleViolation("该网上申请已处理，或不在您的数据范围内");
        }
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
