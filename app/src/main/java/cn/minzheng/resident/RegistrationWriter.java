package cn.minzheng.resident;

import cn.minzheng.shared.Gender;
import cn.minzheng.shared.IdDocumentType;
import cn.minzheng.shared.IdNumber;
import cn.minzheng.shared.PersonName;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes many residents and households at once (imports, the demo district): ids are taken from the sequences in one
 * round trip, rows go in as multi-row inserts. Runs in the caller's transaction, so a batch is stored completely or not
 * at all; row-level security checks every row against the caller's scope.
 */
@Component
class RegistrationWriter {

    /** PostgreSQL accepts at most 65535 parameters per statement; stay well below. */
    private static final int MAX_PARAMETERS = 30_000;

    private final JdbcClient jdbc;
    private final SensitiveFields sensitive;

    RegistrationWriter(JdbcClient jdbc, SensitiveFields sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    record NewResident(
            long id,
            String communityCode,
            PersonName name,
            Gender gender,
            LocalDate birthDate,
            IdDocumentType documentType,
            IdNumber idNumber,
            String hukouAddressCode,
            String phone,
            Long importId) {}

    record NewHousehold(
            long id, String communityCode, String householdNo, long headId, LocalDate formedOn, Long importId) {}

    record NewMembership(
            long householdId,
            long residentId,
            String communityCode,
            Relationship relationship,
            LocalDate joinedOn,
            JoinReason reason) {}

    record NewHouseholdEvent(
            long householdId,
            String communityCode,
            HouseholdEventKind kind,
            Long residentId,
            LocalDate on,
            String note) {}

    record NewStatus(
            long residentId,
            String communityCode,
            StatusKind kind,
            String category,
            Integer grade,
            String level,
            LocalDate from) {}

    long[] residentIds(int count) {
        return ids("resident_id_seq", count);
    }

    long[] householdIds(int count) {
        return ids("household_id_seq", count);
    }

    private long[] ids(String sequence, int count) {
        if (count == 0) {
            return new long[0];
        }
        List<Long> ids = jdbc.sql("select nextval('" + sequence + "') from generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    void residents(List<NewResident> residents, String actor) {
        List<Object[]> rows = new ArrayList<>(residents.size());
        for (NewResident r : residents) {
            NamePinyin.Keys keys = NamePinyin.of(r.name().value());
            SensitiveFields.Sealed id = sensitive.idNumber(r.idNumber());
            SensitiveFields.Sealed phone = sensitive.phone(r.phone());
            rows.add(new Object[] {
                r.id(),
                r.communityCode(),
                r.name().value(),
                keys.full(),
                keys.initials(),
                r.gender().name(),
                r.birthDate(),
                r.documentType().name(),
                bytes(id.cipher()),
                bytes(id.blind()),
                text(id.masked()),
                text(r.idNumber() == null ? null : r.idNumber().lastFour()),
                text(r.hukouAddressCode()),
                bytes(phone.cipher()),
                bytes(phone.blind()),
                text(phone.masked()),
                number(r.importId()),
                actor
            });
        }
        insert(
                "resident",
                "id, community_code, name, name_pinyin, name_initials, gender, birth_date, document_type, id_cipher,"
                        + " id_blind, id_masked, id_last4, hukou_address_code, phone_cipher, phone_blind, phone_masked,"
                        + " import_id, created_by",
                rows);
    }

    void households(List<NewHousehold> households, String actor) {
        List<Object[]> rows = new ArrayList<>(households.size());
        for (NewHousehold h : households) {
            rows.add(new Object[] {
                h.id(),
                h.communityCode(),
                h.householdNo(),
                h.headId(),
                new SqlParameterValue(Types.DATE, h.formedOn()),
                number(h.importId()),
                actor
            });
        }
        insert("household", "id, community_code, household_no, head_id, formed_on, import_id, created_by", rows);
    }

    void memberships(List<NewMembership> memberships) {
        List<Object[]> rows = new ArrayList<>(memberships.size());
        for (NewMembership m : memberships) {
            rows.add(new Object[] {
                m.householdId(),
                m.residentId(),
                m.communityCode(),
                m.relationship().name(),
                new SqlParameterValue(Types.DATE, m.joinedOn()),
                m.reason().name()
            });
        }
        insert(
                "household_member",
                "household_id, resident_id, community_code, relationship, joined_on, joined_reason",
                rows);
    }

    void householdEvents(List<NewHouseholdEvent> events, String actor) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (NewHouseholdEvent e : events) {
            rows.add(new Object[] {
                e.householdId(),
                e.communityCode(),
                e.kind().name(),
                number(e.residentId()),
                new SqlParameterValue(Types.DATE, e.on()),
                text(e.note()),
                actor
            });
        }
        insert(
                "household_event",
                "household_id, community_code, kind, resident_id, occurred_on, note, recorded_by",
                rows);
    }

    void statuses(List<NewStatus> statuses, String actor) {
        List<Object[]> rows = new ArrayList<>(statuses.size());
        for (NewStatus s : statuses) {
            rows.add(new Object[] {
                s.residentId(),
                s.communityCode(),
                s.kind().name(),
                text(s.category()),
                new SqlParameterValue(Types.SMALLINT, s.grade()),
                text(s.level()),
                s.from(),
                actor
            });
        }
        insert(
                "resident_status",
                "resident_id, community_code, kind, category, grade, level, valid_from, recorded_by",
                rows);
    }

    private void insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        int perStatement = Math.max(1, Math.min(1000, MAX_PARAMETERS / width));
        String tuple = "(" + "?,".repeat(width - 1) + "?)";
        for (int from = 0; from < rows.size(); from += perStatement) {
            int to = Math.min(rows.size(), from + perStatement);
            StringBuilder sql = new StringBuilder("insert into ")
                    .append(table)
                    .append(" (")
                    .append(columns)
                    .append(") values ");
            List<Object> params = new ArrayList<>((to - from) * width);
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ",").append(tuple);
                for (Object value : rows.get(i)) {
                    params.add(value);
                }
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    static SqlParameterValue bytes(byte[] value) {
        return new SqlParameterValue(Types.BINARY, value);
    }

    static SqlParameterValue number(Long value) {
        return new SqlParameterValue(Types.BIGINT, value);
    }
}
