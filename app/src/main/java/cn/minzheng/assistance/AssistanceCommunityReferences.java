package cn.minzheng.assistance;

import cn.minzheng.region.CommunityReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assistance records move with their community when it is split, merged or transferred: an application with all it
 * holds (investigations, results, spot check, temporary aid), a status with its review plan, tasks and job referrals,
 * a responder, a dispatch with its assignments, a portal application. Payment items stay where they were paid
 * (history). References: {@code A<id>} application, {@code S<id>} status, {@code R<id>} responder, {@code D<id>}
 * dispatch, {@code P<id>} portal application.
 */
@Component
class AssistanceCommunityReferences implements CommunityReferences {

    /** Tables whose rows belong to an application, by the column that names it. */
    private static final List<String> APPLICATION_CHILDREN = List.of(
            "assistance_care_assessment", "assistance_verification", "assistance_spot_check", "assistance_temporary");

    private static final List<String> INVESTIGATION_CHILDREN = List.of(
            "assistance_counted_member", "assistance_income_item", "assistance_expense", "assistance_supporter");

    private static final List<String> STATUS_CHILDREN =
            List.of("assistance_review_plan", "assistance_review_task", "assistance_job_referral");

    private static final List<String> ALL = List.of(
            "assistance_application",
            "assistance_investigation",
            "assistance_counted_member",
            "assistance_income_item",
            "assistance_expense",
            "assistance_supporter",
            "assistance_care_assessment",
            "assistance_verification",
            "assistance_spot_check",
            "assistance_temporary",
            "assistance_status",
            "assistance_review_plan",
            "assistance_review_task",
            "assistance_job_referral",
            "assistance_responder",
            "assistance_dispatch",
            "assistance_dispatch_responder",
            "assistance_portal_application");

    private final JdbcClient jdbc;

    AssistanceCommunityReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "assistance";
    }

    @Override
    public String label() {
        return "社会救助（申请、救助状态、应急队员、派单、网上申请）";
    }

    @Override
    public long countAt(String communityCode) {
        return jdbc.sql("""
                        select (select count(*) from assistance_application where community_code = :c)
                             + (select count(*) from assistance_status where community_code = :c)
                             + (select count(*) from assistance_responder where community_code = :c)
                             + (select count(*) from assistance_dispatch where community_code = :c)
                             + (select count(*) from assistance_portal_application where community_code = :c)
                        """).param("c", communityCode).query(Long.class).single();
    }

    @Override
    public List<Reference> listAt(String communityCode, int limit) {
        List<Reference> out = new ArrayList<>();
        out.addAll(jdbc.sql(
                        "select id, case_number from assistance_application where community_code = ? order by id limit ?")
                .params(communityCode, limit)
                .query((rs, n) -> new Reference("A" + rs.getLong(1), "救助申请 " + rs.getString(2)))
                .list());
        out.addAll(jdbc.sql("""
                        select id, category_code, subject_type from assistance_status where community_code = ?
                        order by id limit ?
                        """)
                .params(communityCode, limit)
                .query((rs, n) -> new Reference(
                        "S" + rs.getLong(1), "救助状态 " + rs.getString(2) + "（" + rs.getString(3) + "）#" + rs.getLong(1)))
                .list());
        out.addAll(jdbc.sql("select id from assistance_responder where community_code = ? order by id limit ?")
                .params(communityCode, limit)
                .query((rs, n) -> new Reference("R" + rs.getLong(1), "应急响应队员 #" + rs.getLong(1)))
                .list());
        out.addAll(jdbc.sql("select id from assistance_dispatch where community_code = ? order by id limit ?")
                .params(communityCode, limit)
                .query((rs, n) -> new Reference("D" + rs.getLong(1), "急难派单 #" + rs.getLong(1)))
                .list());
        out.addAll(jdbc.sql(
                        "select id, receipt_no from assistance_portal_application where community_code = ? order by id limit ?")
                .params(communityCode, limit)
                .query((rs, n) -> new Reference("P" + rs.getLong(1), "网上申请 " + rs.getString(2)))
                .list());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public int reassign(Collection<String> referenceIds, String fromCode, String toCode) {
        int moved = 0;
        for (String reference : referenceIds) {
            long id = Long.parseLong(reference.substring(1));
            switch (reference.charAt(0)) {
                case 'A' -> {
                    moved += move("assistance_application", "id", id, fromCode, toCode);
                    for (String table : APPLICATION_CHILDREN) {
                        move(table, "application_id", id, fromCode, toCode);
                    }
                    List<Long> investigations = jdbc.sql(
                                    "select id from assistance_investigation where application_id = ?")
                            .param(id)
                            .query(Long.class)
                            .list();
                    move("assistance_investigation", "application_id", id, fromCode, toCode);
                    for (long investigation : investigations) {
                        for (String table : INVESTIGATION_CHILDREN) {
                            move(table, "investigation_id", investigation, fromCode, toCode);
                        }
                    }
                }
                case 'S' -> {
                    moved += move("assistance_status", "id", id, fromCode, toCode);
                    for (String table : STATUS_CHILDREN) {
                        move(table, "status_id", id, fromCode, toCode);
                    }
                }
                case 'R' -> moved += move("assistance_responder", "id", id, fromCode, toCode);
                case 'D' -> {
                    moved += move("assistance_dispatch", "id", id, fromCode, toCode);
                    move("assistance_dispatch_responder", "dispatch_id", id, fromCode, toCode);
                }
                case 'P' -> moved += move("assistance_portal_application", "id", id, fromCode, toCode);
                default -> throw new IllegalArgumentException("unknown reference " + reference);
            }
        }
        return moved;
    }

    @Override
    public int reassignAll(String fromCode, String toCode) {
        long before = countAt(fromCode);
        for (String table : ALL) {
            jdbc.sql("update " + table + " set community_code = ? where community_code = ?")
                    .params(toCode, fromCode)
                    .update();
        }
        return (int) before;
    }

    private int move(String table, String column, long id, String from, String to) {
        return jdbc.sql("update " + table + " set community_code = ? where " + column + " = ? and community_code = ?")
                .params(to, id, from)
                .update();
    }
}
