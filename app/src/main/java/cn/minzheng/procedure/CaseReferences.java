package cn.minzheng.procedure;

import cn.minzheng.region.CommunityReferences;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases (and their public notices) belong to a community: when it is split, merged or transferred they move with it,
 * so scope and statistics follow the new territory. The label names the case, never the person.
 */
@Component
class CaseReferences implements CommunityReferences {

    private final JdbcClient jdbc;

    CaseReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String holder() {
        return "procedure_case";
    }

    @Override
    public String label() {
        return "办理案件";
    }

    @Override
    public long countAt(String communityCode) {
        return jdbc.sql("select count(*) from procedure_case where community_code = ?")
                .param(communityCode)
                .query(Long.class)
                .single();
    }

    @Override
    public List<Reference> listAt(String communityCode, int limit) {
        return jdbc.sql("""
                        select c.id, c.case_number, v.name from procedure_case c
                        join matter_type_version v on v.id = c.matter_type_version_id
                        where c.community_code = ? order by c.id limit ?
                        """)
                .params(communityCode, limit)
                .query((rs, n) -> new Reference(
                        Long.toString(rs.getLong("id")),
                        rs.getString("case_number") + "（" + rs.getString("name") + "）"))
                .list();
    }

    @Override
    public int reassign(Collection<String> referenceIds, String fromCode, String toCode) {
        int moved = 0;
        for (String id : referenceIds) {
            long caseId = Long.parseLong(id);
            int n = jdbc.sql("update procedure_case set community_code = ? where id = ? and community_code = ?")
                    .params(toCode, caseId, fromCode)
                    .update();
            if (n > 0) {
                jdbc.sql("update public_notice set community_code = ? where case_id = ?")
                        .params(toCode, caseId)
                        .update();
            }
            moved += n;
        }
        return moved;
    }

    @Override
    public int reassignAll(String fromCode, String toCode) {
        jdbc.sql("""
                        update public_notice set community_code = ?
                        where case_id in (select id from procedure_case where community_code = ?)
                        """).params(toCode, fromCode).update();
        return jdbc.sql("update procedure_case set community_code = ? where community_code = ?")
                .params(toCode, fromCode)
                .update();
    }
}
