package cn.minzheng.verification;

import cn.minzheng.region.CommunityReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Verification records follow their household when its community is split, merged or transferred, so that the street
 * that now looks after the household sees its 授权书, requests, findings and reports. A reference is a household
 * ("H12": everything filed under it) or a person's 授权书 recorded without a household ("R34").
 */
@Component
class VerificationCommunityReferences implements CommunityReferences {

    /** Tables filed under a request, moved with it. */
    private static final List<String> UNDER_REQUEST = List.of(
            "verification_request_member",
            "verification_hit",
            "verification_finding",
            "verification_total",
            "verification_report");

    /** Tables filed under a finding. */
    private static final List<String> UNDER_FINDING = List.of("verification_review");

    private final JdbcClient jdbc;

    VerificationCommunityReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "verification";
    }

    @Override
    public String label() {
        return "家庭经济状况核对记录（授权书、核对请求及结果）";
    }

    @Override
    public long countAt(String communityCode) {
        return jdbc.sql("""
                        select count(*) from (
                            select household_id from verification_request where community_code = :c
                            union select household_id from verification_authorisation
                                  where community_code = :c and household_id is not null) h
                        """).param("c", communityCode).query(Long.class).single()
                + jdbc.sql("""
                                select count(distinct resident_id) from verification_authorisation
                                where community_code = ? and household_id is null
                                """).param(communityCode).query(Long.class).single();
    }

    @Override
    public List<Reference> listAt(String communityCode, int limit) {
        List<Reference> references = new ArrayList<>(jdbc.sql("""
                        select household_id, count(*) from (
                            select household_id from verification_request where community_code = :c
                            union all select household_id from verification_authorisation
                                      where community_code = :c and household_id is not null) h
                        group by household_id order by household_id limit :limit
                        """)
                .param("c", communityCode)
                .param("limit", limit)
                .query((rs, n) ->
                        new Reference("H" + rs.getLong(1), "家庭 " + rs.getLong(1) + " 的核对记录（" + rs.getLong(2) + " 项）"))
                .list());
        if (references.size() < limit) {
            references.addAll(jdbc.sql("""
                            select distinct resident_id from verification_authorisation
                            where community_code = ? and household_id is null order by resident_id limit ?
                            """)
                    .params(communityCode, limit - references.size())
                    .query((rs, n) -> new Reference("R" + rs.getLong(1), "未入户居民 " + rs.getLong(1) + " 的授权书"))
                    .list());
        }
        return references;
    }

    @Override
    public int reassign(Collection<String> referenceIds, String fromCode, String toCode) {
        int moved = 0;
        for (String reference : referenceIds) {
            long id = Long.parseLong(reference.substring(1));
            if (reference.startsWith("H")) {
                moved += moveWhere("household_id = " + id, fromCode, toCode) > 0 ? 1 : 0;
            } else if (reference.startsWith("R")) {
                moved += jdbc.sql("""
                                        update verification_authorisation set community_code = ?
                                        where resident_id = ? and household_id is null and community_code = ?
                                        """).params(toCode, id, fromCode).update() > 0 ? 1 : 0;
            }
        }
        return moved;
    }

    @Override
    public int reassignAll(String fromCode, String toCode) {
        // counted as references (households, unhoused people), the unit countAt reconciles in
        int references = (int) countAt(fromCode);
        moveWhere("true", fromCode, toCode);
        return references;
    }

    /** Moves the matching requests (with everything under them) and authorisations; returns how many rows. */
    private int moveWhere(String householdCondition, String fromCode, String toCode) {
        List<Long> requests = jdbc.sql(
                        "select id from verification_request where community_code = ? and " + householdCondition)
                .param(fromCode)
                .query(Long.class)
                .list();
        int moved = 0;
        if (!requests.isEmpty()) {
            Long[] ids = requests.toArray(Long[]::new);
            moved += jdbc.sql("update verification_request set community_code = ? where id = any(?)")
                    .params(toCode, ids)
                    .update();
            for (String table : UNDER_REQUEST) {
                jdbc.sql("update " + table + " set community_code = ? where request_id = any(?)")
                        .params(toCode, ids)
                        .update();
            }
            for (String table : UNDER_FINDING) {
                jdbc.sql("update " + table + " set community_code = ? where finding_id in"
                                + " (select id from verification_finding where request_id = any(?))")
                        .params(toCode, ids)
                        .update();
            }
            jdbc.sql("""
                            update verification_evidence set community_code = ? where review_id in
                              (select r.id from verification_review r join verification_finding f on f.id = r.finding_id
                               where f.request_id = any(?))
                            """).params(toCode, ids).update();
        }
        moved += jdbc.sql("update verification_authorisation set community_code = ? where community_code = ? and "
                        + householdCondition)
                .params(toCode, fromCode)
                .update();
        return moved;
    }
}
