package cn.minzheng.resident;

import cn.minzheng.region.CommunityReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Households and residents follow their community when it is split, merged or transferred. A reference is a household
 * ("H12", moving with its members and their files) or a resident without a household ("R34"), so that after a split
 * the operator moves whole families; counts reconcile because a family is counted once, as its household.
 */
@Component
class ResidentCommunityReferences implements CommunityReferences {

    /** Tables whose rows are filed under a resident and carry the community code for row-level security. */
    private static final List<String> FILED_UNDER_RESIDENT = List.of("resident_status", "resident_event");

    private final JdbcClient jdbc;

    ResidentCommunityReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "resident";
    }

    @Override
    public String label() {
        return "居民户（含未入户的居民）";
    }

    @Override
    public long countAt(String communityCode) {
        return jdbc.sql("""
                        select (select count(*) from household where community_code = ?)
                             + (select count(*) from resident r where r.community_code = ? and r.merged_into is null
                                and not exists (select 1 from household_member m
                                                where m.resident_id = r.id and m.left_on is null))
                        """)
                .params(communityCode, communityCode)
                .query(Long.class)
                .single();
    }

    @Override
    public List<Reference> listAt(String communityCode, int limit) {
        List<Reference> references = new ArrayList<>(jdbc.sql("""
                        select h.id, h.household_no,
                               (select count(*) from household_member m where m.household_id = h.id and m.left_on is null) as size
                        from household h where h.community_code = ? order by h.household_no limit ?
                        """)
                .params(communityCode, limit)
                .query((rs, n) -> new Reference(
                        "H" + rs.getLong("id"),
                        "户编号 " + rs.getString("household_no") + "（" + rs.getInt("size") + " 人）"))
                .list());
        if (references.size() < limit) {
            references.addAll(jdbc.sql("""
                            select r.id from resident r where r.community_code = ? and r.merged_into is null
                              and not exists (select 1 from household_member m where m.resident_id = r.id and m.left_on is null)
                            order by r.id limit ?
                            """)
                    .params(communityCode, limit - references.size())
                    .query((rs, n) -> new Reference("R" + rs.getLong("id"), "未入户居民（档案 " + rs.getLong("id") + "）"))
                    .list());
        }
        return references;
    }

    @Override
    public int reassign(Collection<String> referenceIds, String fromCode, String toCode) {
        int moved = 0;
        for (String reference : referenceIds) {
            if (reference.startsWith("H")) {
                moved += moveHousehold(Long.parseLong(reference.substring(1)), fromCode, toCode);
            } else if (reference.startsWith("R")) {
                moved += moveResident(Long.parseLong(reference.substring(1)), fromCode, toCode);
            }
        }
        return moved;
    }

    private int moveHousehold(long id, String fromCode, String toCode) {
        int moved = jdbc.sql("update household set community_code = ? where id = ? and community_code = ?")
                .params(toCode, id, fromCode)
                .update();
        if (moved == 0) {
            return 0;
        }
        jdbc.sql("update household_member set community_code = ? where household_id = ?")
                .params(toCode, id)
                .update();
        jdbc.sql("update household_event set community_code = ? where household_id = ?")
                .params(toCode, id)
                .update();
        List<Long> members = jdbc.sql("""
                        select resident_id from household_member where household_id = ? and left_on is null
                        """).param(id).query(Long.class).list();
        for (long member : members) {
            moveResident(member, fromCode, toCode);
        }
        return moved;
    }

    private int moveResident(long id, String fromCode, String toCode) {
        int moved = jdbc.sql("update resident set community_code = ? where id = ? and community_code = ?")
                .params(toCode, id, fromCode)
                .update();
        if (moved > 0) {
            for (String table : FILED_UNDER_RESIDENT) {
                jdbc.sql("update " + table + " set community_code = ? where resident_id = ?")
                        .params(toCode, id)
                        .update();
            }
            jdbc.sql("update resident_duplicate set community_a = ? where resident_a = ?")
                    .params(toCode, id)
                    .update();
            jdbc.sql("update resident_duplicate set community_b = ? where resident_b = ?")
                    .params(toCode, id)
                    .update();
        }
        return moved;
    }

    @Override
    public int reassignAll(String fromCode, String toCode) {
        int moved = (int) countAt(fromCode);
        for (String table : List.of(
                "resident", "household", "household_member", "household_event", "resident_status", "resident_event")) {
            jdbc.sql("update " + table + " set community_code = ? where community_code = ?")
                    .params(toCode, fromCode)
                    .update();
        }
        jdbc.sql("update resident_duplicate set community_a = ? where community_a = ?")
                .params(toCode, fromCode)
                .update();
        jdbc.sql("update resident_duplicate set community_b = ? where community_b = ?")
                .params(toCode, fromCode)
                .update();
        return moved;
    }
}
