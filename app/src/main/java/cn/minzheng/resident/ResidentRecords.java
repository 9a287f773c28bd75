package cn.minzheng.resident;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents in the database. Every query runs under row-level security; lists and counts also carry the viewer's scope
 * themselves, as a prefix test and as the equivalent range on the community code (which an index can use).
 */
@Repository
class ResidentRecords {

    static final String SUMMARY = """
            select r.id, r.name, r.gender, r.birth_date, r.document_type, r.id_masked, r.community_code,
                   r.hukou_address_code, r.phone_masked, r.died_on, r.merged_into,
                   m.household_id, h.household_no, m.relationship
            from resident r
            left join household_member m on m.resident_id = r.id and m.left_on is null
            left join household h on h.id = m.household_id
            """;

    private final JdbcClient jdbc;

    ResidentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored row, with the encrypted fields, for the record's own page. */
    record Row(
            long id,
            String communityCode,
            String name,
            Gender gender,
            LocalDate birthDate,
            IdDocumentType documentType,
            byte[] idCipher,
            String idMasked,
            String hukouAddressCode,
            byte[] phoneCipher,
            String phoneMasked,
            String bankName,
            byte[] bankAccountCipher,
            String bankAccountMasked,
            LocalDate diedOn,
            Long mergedInto,
            Long importId,
            int version,
            java.time.Instant createdAt,
            String createdBy) {}

    /** The scope predicate for lists and counts: prefix test plus the same range for the index. */
    static String scopeCondition(String alias) {
        String column = alias + ".community_code";
        return "starts_with(" + column + ", ?) and " + column + " >= ? and " + column + " < ?";
    }

    static List<Object> scopeParameters(String code) {
        return List.of(code, code, code + ":");
    }

    Optional<Row> row(long id) {
        return jdbc.sql("select * from resident where id = ?")
                .param(id)
                .query((rs, n) -> mapRow(rs))
                .optional();
    }

    Optional<ResidentSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where r.id = ?")
                .param(id)
                .query((rs, n) -> mapSummary(rs))
                .optional();
    }

    List<ResidentSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARY + " where r.id = any(?) order by r.id")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> mapSummary(rs))
                .list();
    }

    /** Residents (not merged away) with this blind index of an ID number, inside the viewer's scope. */
    List<ResidentSummary> withIdNumber(byte[] blind, DataScope viewer) {
        List<Object> params = new ArrayList<>(List.of(blind));
        params.addAll(scopeParameters(viewer.code()));
        return jdbc.sql(SUMMARY + " where r.id_blind = ? and r.merged_into is null and " + scopeCondition("r")
                        + " order by r.id")
                .params(params)
                .query((rs, n) -> mapSummary(rs))
                .list();
    }

    long countIn(DataScope viewer) {
        List<Object> params = new ArrayList<>(scopeParameters(viewer.code()));
        return jdbc.sql("select count(*) from resident r where r.merged_into is null and " + scopeCondition("r"))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Takes the row lock, so that concurrent changes of one person are serialised; returns its version. */
    Optional<Integer> lock(long id) {
        return jdbc.sql("select version from resident where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    void touch(long id) {
        jdbc.sql("update resident set version = version + 1, updated_at = now() where id = ?")
                .param(id)
                .update();
    }

    void event(long residentId, String communityCode, String kind, String detail, String actor) {
        jdbc.sql("""
                        insert into resident_event (resident_id, community_code, kind, detail, actor)
                        values (?, ?, ?, ?, ?)
                        """).params(residentId, communityCode, kind, detail, actor).update();
    }

    static ResidentSummary mapSummary(ResultSet rs) throws SQLException {
        long household = rs.getLong("household_id");
        boolean hasHousehold = !rs.wasNull();
        long merged = rs.getLong("merged_into");
        boolean wasMerged = !rs.wasNull();
        String relationship = rs.getString("relationship");
        return new ResidentSummary(
                rs.getLong("id"),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                rs.getObject("birth_date", LocalDate.class),
                IdDocumentType.valueOf(rs.getString("document_type")),
                rs.getString("id_masked"),
                rs.getString("community_code"),
                rs.getString("hukou_address_code"),
                rs.getString("phone_masked"),
                rs.getObject("died_on", LocalDate.class),
                hasHousehold ? household : null,
                rs.getString("household_no"),
                relationship == null ? null : Relationship.valueOf(relationship),
                wasMerged ? merged : null);
    }

    static Row mapRow(ResultSet rs) throws SQLException {
        long merged = rs.getLong("merged_into");
        boolean wasMerged = !rs.wasNull();
        long importId = rs.getLong("import_id");
        boolean imported = !rs.wasNull();
        return new Row(
                rs.getLong("id"),
                rs.getString("community_code"),
                rs.getString("name"),
                Gender.valueOf(rs.getString("gender")),
                rs.getObject("birth_date", LocalDate.class),
                IdDocumentType.valueOf(rs.getString("document_type")),
                rs.getBytes("id_cipher"),
                rs.getString("id_masked"),
                rs.getString("hukou_address_code"),
                rs.getBytes("phone_cipher"),
                rs.getString("phone_masked"),
                rs.getString("bank_name"),
                rs.getBytes("bank_account_cipher"),
                rs.getString("bank_account_masked"),
                rs.getObject("died_on", LocalDate.class),
                wasMerged ? merged : null,
                imported ? importId : null,
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
