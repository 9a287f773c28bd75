package cn.minzheng.resident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StatusRecords {

    private final JdbcClient jdbc;

    StatusRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StatusPeriod> of(long residentId) {
        return jdbc.sql("select * from resident_status where resident_id = ? order by kind, valid_from")
                .param(residentId)
                .query((rs, n) -> map(rs))
                .list();
    }

    List<StatusPeriod> ofAll(List<Long> residentIds) {
        if (residentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select * from resident_status where resident_id = any(?) order by resident_id, kind, valid_from")
                .param(residentIds.toArray(Long[]::new))
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<StatusPeriod> find(long id) {
        return jdbc.sql("select * from resident_status where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    long insert(
            long residentId,
            String communityCode,
            StatusKind kind,
            String category,
            Integer grade,
            String level,
            String note,
            LocalDate from,
            LocalDate to,
            String actor) {
        return jdbc.sql("""
                        insert into resident_status (resident_id, community_code, kind, category, grade, level, note,
                                                     valid_from, valid_to, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        residentId,
                        communityCode,
                        kind.name(),
                        RegistrationWriter.text(category),
                        new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.SMALLINT, grade),
                        RegistrationWriter.text(level),
                        RegistrationWriter.text(note),
                        from,
                        new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.DATE, to),
                        actor)
                .query(Long.class)
                .single();
    }

    void end(long id, LocalDate on) {
        jdbc.sql("update resident_status set valid_to = ? where id = ?")
                .params(on, id)
                .update();
    }

    static StatusPeriod map(ResultSet rs) throws SQLException {
        int grade = rs.getInt("grade");
        boolean graded = !rs.wasNull();
        return new StatusPeriod(
                rs.getLong("id"),
                rs.getLong("resident_id"),
                StatusKind.valueOf(rs.getString("kind")),
                rs.getString("category"),
                graded ? grade : null,
                rs.getString("level"),
                rs.getString("note"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
