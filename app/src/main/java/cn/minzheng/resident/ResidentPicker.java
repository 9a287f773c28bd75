package cn.minzheng.resident;

import cn.minzheng.shared.DataScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a picker finds as a clerk types (search-as-you-type): people by name, pinyin or initials, by the last four
 * characters of their ID number, by a full number or "姓名 1234"; households by the number shown everywhere ("H00002",
 * also "h2") or by any member. Only inside the viewer's scope, ID numbers masked, at most 20 choices.
 */
@Service
public class ResidentPicker {

    static final int LIMIT = 20;

    private final ResidentSearch search;
    private final JdbcClient jdbc;

    ResidentPicker(ResidentSearch search, JdbcClient jdbc) {
        this.search = search;
        this.jdbc = jdbc;
    }

    /** A household to choose: its number, its head, how many live in it, where. */
    public record HouseholdChoice(
            long id, String householdNo, String communityCode, String headName, int members, String matched) {}

    @PreAuthorize(ResidentRoles.READ)
    @Transactional(readOnly = true)
    public List<ResidentSummary> people(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        DataScope scope = Staff.scope();
        if (q.toUpperCase(Locale.ROOT).matches("[0-9X]{4}")) {
            return jdbc.sql(ResidentRecords.SUMMARY + " where r.id_last4 = ? and r.merged_into is null and "
                            + ResidentRecords.scopeCondition("r") + " order by r.name, r.id limit " + LIMIT)
                    .params(merge(List.of(q.toUpperCase(Locale.ROOT)), ResidentRecords.scopeParameters(scope.code())))
                    .query((rs, n) -> ResidentRecords.mapSummary(rs))
                    .list();
        }
        return search.search(new ResidentSearch.Query(q, null, 0, LIMIT)).items();
    }

    @PreAuthorize(ResidentRoles.READ)
    @Transactional(readOnly = true)
    public List<HouseholdChoice> households(String text) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        DataScope scope = Staff.scope();
        if (q.matches("[Hh]\\s*0*[0-9]{1,9}")) {
            String digits = q.replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "");
            return jdbc.sql(HOUSEHOLDS + " where " + ResidentRecords.scopeCondition("h")
                            + " and household_no ~ '^[Hh]0*[0-9]+$'"
                            + " and ltrim(substring(household_no from 2), '0') = ? order by h.community_code limit "
                            + LIMIT)
                    .params(merge(
                            ResidentRecords.scopeParameters(scope.code()), List.of(digits.equals("0") ? "" : digits)))
                    .query((rs, n) -> household(rs, null))
                    .list();
        }
        Map<Long, String> matched = new LinkedHashMap<>();
        for (ResidentSummary person : people(q)) {
            if (person.householdId() != null) {
                matched.putIfAbsent(person.householdId(), person.name());
            }
        }
        if (matched.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(HOUSEHOLDS + " where h.id = any(?) and " + ResidentRecords.scopeCondition("h"))
                .params(merge(
                        List.of(matched.keySet().toArray(Long[]::new)), ResidentRecords.scopeParameters(scope.code())))
                .query((rs, n) -> household(rs, matched.get(rs.getLong("id"))))
                .list();
    }

    private static final String HOUSEHOLDS = """
            select h.id, h.household_no, h.community_code,
                (select r.name from household_member m join resident r on r.id = m.resident_id
                 where m.household_id = h.id and m.left_on is null and m.relationship = 'HEAD' limit 1) as head,
                (select count(*) from household_member m where m.household_id = h.id and m.left_on is null) as members
            from household h
            """;

    private static HouseholdChoice household(java.sql.ResultSet rs, String matched) throws java.sql.SQLException {
        return new HouseholdChoice(
                rs.getLong("id"),
                rs.getString("household_no"),
                rs.getString("community_code"),
                rs.getString("head"),
                rs.getInt("members"),
                matched);
    }

    private static List<Object> merge(List<?> a, List<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
