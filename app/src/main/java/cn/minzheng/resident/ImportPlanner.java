package cn.minzheng.resident;

import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.Gender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides, row by row, what an import does: every row is checked on its own (fields, ID number, agreement of gender and
 * birth date with it, community), then against the other rows (the same person twice, one head per household, one
 * community per household), then against what is already registered in the importer's scope. Each row ends up
 * rejected — with every reason, field by field — or accepted as new, changed or unchanged; importing the same file
 * again finds everything unchanged.
 */
@Component
class ImportPlanner {

    private static final int LOOKUP_CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final SensitiveFields sensitive;
    private final Communities communities;

    ImportPlanner(JdbcClient jdbc, SensitiveFields sensitive, Communities communities) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
        this.communities = communities;
    }

    record Rejection(int row, String field, String reason) {}

    enum Action {
        CREATE,
        UPDATE,
        UNCHANGED
    }

    /** A row's fate. For accepted rows: the person, the household it belongs to, and what changes. */
    static final class RowPlan {
        final SourceRow source;
        final List<Rejection> problems = new ArrayList<>();
        PersonCheck.Person person;
        String householdNo;
        Relationship relationship;
        byte[] idBlind;
        Existing existing;
        Action action;
        boolean joinsHousehold;
        boolean phoneChanged;
        boolean hukouChanged;
        boolean relationshipChanged;
        long residentId;

        RowPlan(SourceRow source) {
            this.source = source;
        }

        boolean rejected() {
            return !problems.isEmpty();
        }

        void reject(String field, String reason) {
            problems.add(new Rejection(source.number(), field, reason));
        }
    }

    /** A registered resident the row may be about (visible in the importer's scope). */
    record Existing(
            long id,
            String name,
            Gender gender,
            LocalDate birthDate,
            String communityCode,
            byte[] idBlind,
            byte[] phoneBlind,
            String hukouAddressCode,
            Long householdId,
            Long membershipId,
            Relationship relationship) {}

    /** A household of the file: its rows, and the registered household with the same number, if any. */
    static final class HouseholdPlan {
        final String householdNo;
        final List<RowPlan> rows = new ArrayList<>();
        String communityCode;
        Long existingId;
        Long existingHeadId;
        long newId;

        HouseholdPlan(String householdNo) {
            this.householdNo = householdNo;
        }

        boolean creates() {
            return existingId == null;
        }

        long id() {
            return creates() ? newId : existingId;
        }

        RowPlan head() {
            return rows.stream()
                    .filter(r -> r.relationship == Relationship.HEAD)
                    .findFirst()
                    .orElse(null);
        }
    }

    record Plan(List<RowPlan> rows, List<HouseholdPlan> households) {

        int total() {
            return rows.size();
        }

        int rejected() {
            return (int) rows.stream().filter(RowPlan::rejected).count();
        }

        int accepted() {
            return total() - rejected();
        }

        long count(Action action) {
            return rows.stream()
                    .filter(r -> !r.rejected() && r.action == action)
                    .count();
        }

        List<Rejection> rejections() {
            return rows.stream().flatMap(r -> r.problems.stream()).toList();
        }
    }

    Plan plan(List<SourceRow> source, DataScope scope, LocalDate today) {
        List<RowPlan> rows = source.stream().map(RowPlan::new).toList();
        Map<String, String> communityProblems = new HashMap<>();
        for (RowPlan row : rows) {
            checkAlone(row, scope, today, communityProblems);
        }
        sameInFile(rows);
        Map<String, HouseholdPlan> households = groupHouseholds(rows);
        findRegisteredHouseholds(households.values());
        resolveRegisteredPeople(rows, households);
        for (HouseholdPlan household : households.values()) {
            checkHousehold(household);
        }
        return new Plan(rows, List.copyOf(households.values()));
    }

    private void checkAlone(RowPlan row, DataScope scope, LocalDate today, Map<String, String> communityProblems) {
        SourceRow s = row.source;
        PersonCheck.Outcome outcome = PersonCheck.check(
                new PersonCheck.Input(
                        s.get(ImportColumn.NAME),
                        s.get(ImportColumn.DOCUMENT_TYPE),
                        s.get(ImportColumn.ID_NUMBER),
                        s.get(ImportColumn.GENDER),
                        s.get(ImportColumn.BIRTH_DATE),
                        s.get(ImportColumn.COMMUNITY),
                        s.get(ImportColumn.HUKOU),
                        s.get(ImportColumn.PHONE)),
                today);
        outcome.problems().forEach(p -> row.reject(p.field(), p.reason()));
        row.person = outcome.person();
        String householdNo = PersonCheck.blankToNull(s.get(ImportColumn.HOUSEHOLD_NO));
        if (householdNo == null) {
            row.reject(ImportColumn.HOUSEHOLD_NO.header(), "缺少户编号（同一户的成员填写相同的户编号）");
        } else if (householdNo.length() > 40) {
            row.reject(ImportColumn.HOUSEHOLD_NO.header(), "户编号最长40个字符");
        } else {
            row.householdNo = householdNo;
        }
        String relationship = PersonCheck.blankToNull(s.get(ImportColumn.RELATIONSHIP));
        if (relationship == null) {
            row.reject(ImportColumn.RELATIONSHIP.header(), "缺少与户主关系");
        } else {
            row.relationship = Relationship.parse(relationship).orElse(null);
            if (row.relationship == null) {
                row.reject(
                        ImportColumn.RELATIONSHIP.header(),
                        "与户主关系“" + PersonCheck.shorten(relationship)
                                + "”不认识：应为户主、配偶、子、女、父亲、母亲、孙子、孙女、儿媳、女婿、兄弟姐妹、其他亲属或非亲属");
            }
        }
        String community = PersonCheck.blankToNull(s.get(ImportColumn.COMMUNITY));
        if (community != null && community.matches("[0-9]{12}")) {
            String problem = communityProblems.computeIfAbsent(
                    community, code -> Objects.requireNonNullElse(communities.problem(code, scope), ""));
            if (!problem.isEmpty()) {
                row.reject(ImportColumn.COMMUNITY.header(), problem);
            }
        }
        if (row.person != null && row.person.idNumber() != null) {
            row.idBlind = sensitive.idBlind(row.person.idNumber().value());
        }
    }

    /** The same person twice in the file: the same ID number, or without one the same household, name, sex, birth. */
    private static void sameInFile(List<RowPlan> rows) {
        Map<String, Integer> seen = new HashMap<>();
        for (RowPlan row : rows) {
            if (row.person == null) {
                continue;
            }
            String key;
            String what;
            if (row.person.idNumber() != null) {
                key = "id:" + row.person.idNumber().value();
                what = "证件号码相同";
            } else if (row.householdNo != null) {
                key = "p:" + row.householdNo + "|" + row.person.name().value() + "|" + row.person.gender() + "|"
                        + row.person.birthDate();
                what = "同户且姓名、性别、出生日期相同";
            } else {
                continue;
            }
            Integer first = seen.putIfAbsent(key, row.source.number());
            if (first != null) {
                row.reject(
                        row.person.idNumber() != null ? PersonCheck.ID_NUMBER : PersonCheck.NAME,
                        "与第 " + first + " 行是同一人（" + what + "），同一人在文件中只能出现一次");
            }
        }
    }

    private static Map<String, HouseholdPlan> groupHouseholds(List<RowPlan> rows) {
        Map<String, HouseholdPlan> households = new LinkedHashMap<>();
        for (RowPlan row : rows) {
            if (row.householdNo != null) {
                households
                        .computeIfAbsent(row.householdNo, HouseholdPlan::new)
                        .rows
                        .add(row);
            }
        }
        for (HouseholdPlan household : households.values()) {
            List<String> codes = household.rows.stream()
                    .map(r -> PersonCheck.blankToNull(r.source.get(ImportColumn.COMMUNITY)))
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            if (codes.size() > 1) {
                household.rows.forEach(r -> r.reject(
                        ImportColumn.COMMUNITY.header(),
                        "户编号 " + household.householdNo + " 的成员居住社区代码不一致（" + String.join("、", codes) + "），同一户只能在一个社区"));
            } else if (codes.size() == 1 && codes.get(0).matches("[0-9]{12}")) {
                household.communityCode = codes.get(0);
            }
        }
        return households;
    }

    private void findRegisteredHouseholds(java.util.Collection<HouseholdPlan> households) {
        List<HouseholdPlan> located =
                households.stream().filter(h -> h.communityCode != null).toList();
        for (int from = 0; from < located.size(); from += LOOKUP_CHUNK) {
            List<HouseholdPlan> chunk = located.subList(from, Math.min(located.size(), from + LOOKUP_CHUNK));
            Map<String, HouseholdPlan> byKey = chunk.stream()
                    .collect(Collectors.toMap(h -> h.communityCode + "|" + h.householdNo, h -> h, (a, b) -> a));
            jdbc.sql("""
                            select h.id, h.community_code, h.household_no,
                                   (select m.resident_id from household_member m
                                    where m.household_id = h.id and m.left_on is null and m.relationship = 'HEAD') as head
                            from household h
                            join unnest(?::text[], ?::text[]) as k(community_code, household_no)
                              on h.community_code = k.community_code and h.household_no = k.household_no
                            """)
                    .params(
                            chunk.stream().map(h -> h.communityCode).toArray(String[]::new),
                            chunk.stream().map(h -> h.householdNo).toArray(String[]::new))
                    .query(rs -> {
                        HouseholdPlan plan =
                                byKey.get(rs.getString("community_code") + "|" + rs.getString("household_no"));
                        plan.existingId = rs.getLong("id");
                        long head = rs.getLong("head");
                        plan.existingHeadId = rs.wasNull() ? null : head;
                    });
        }
    }

    private void resolveRegisteredPeople(List<RowPlan> rows, Map<String, HouseholdPlan> households) {
        Map<String, Existing> byBlind = new HashMap<>();
        List<String> blinds = rows.stream()
                .filter(r -> r.idBlind != null)
                .map(r -> HexFormat.of().formatHex(r.idBlind))
                .distinct()
                .toList();
        for (int from = 0; from < blinds.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = blinds.subList(from, Math.min(blinds.size(), from + LOOKUP_CHUNK));
            existing("r.id_blind = any(select decode(x, 'hex') from unnest(?::text[]) x)", chunk.toArray(String[]::new))
                    .forEach(e -> byBlind.putIfAbsent(HexFormat.of().formatHex(e.idBlind()), e));
        }
        // People without a document can only be recognised inside their registered household.
        List<Long> registered = households.values().stream()
                .filter(h -> h.existingId != null)
                .map(h -> h.existingId)
                .toList();
        Map<Long, List<Existing>> membersByHousehold = new HashMap<>();
        for (int from = 0; from < registered.size(); from += LOOKUP_CHUNK) {
            Long[] chunk = registered
                    .subList(from, Math.min(registered.size(), from + LOOKUP_CHUNK))
                    .toArray(Long[]::new);
            existing("m.household_id = any(?)", chunk)
                    .forEach(e -> membersByHousehold
                            .computeIfAbsent(e.householdId(), k -> new ArrayList<>())
                            .add(e));
        }
        for (HouseholdPlan household : households.values()) {
            for (RowPlan row : household.rows) {
                if (row.rejected()) {
                    continue;
                }
                if (row.idBlind != null) {
                    row.existing = byBlind.get(HexFormat.of().formatHex(row.idBlind));
                } else if (household.existingId != null) {
                    row.existing = membersByHousehold.getOrDefault(household.existingId, List.of()).stream()
                            .filter(e -> e.idBlind() == null
                                    && e.name().equals(row.person.name().value())
                                    && e.gender() == row.person.gender()
                                    && e.birthDate().equals(row.person.birthDate()))
                            .findFirst()
                            .orElse(null);
                }
                decide(row, household);
            }
        }
    }

    private List<Existing> existing(String condition, Object parameter) {
        return jdbc.sql("""
                        select r.id, r.name, r.gender, r.birth_date, r.community_code, r.id_blind, r.phone_blind,
                               r.hukou_address_code, m.household_id, m.id as membership_id, m.relationship
                        from resident r
                        left join household_member m on m.resident_id = r.id and m.left_on is null
                        where r.merged_into is null and """ + " " + condition)
                .param(parameter)
                .query((rs, n) -> {
                    long household = rs.getLong("household_id");
                    boolean member = !rs.wasNull();
                    String relationship = rs.getString("relationship");
                    return new Existing(
                            rs.getLong("id"),
                            rs.getString("name"),
                            Gender.valueOf(rs.getString("gender")),
                            rs.getObject("birth_date", LocalDate.class),
                            rs.getString("community_code"),
                            rs.getBytes("id_blind"),
                            rs.getBytes("phone_blind"),
                            rs.getString("hukou_address_code"),
                            member ? household : null,
                            member ? rs.getLong("membership_id") : null,
                            relationship == null ? null : Relationship.valueOf(relationship));
                })
                .list();
    }

    private void decide(RowPlan row, HouseholdPlan household) {
        Existing e = row.existing;
        PersonCheck.Person p = row.person;
        if (e == null) {
            row.action = Action.CREATE;
            row.joinsHousehold = true;
            return;
        }
        if (!e.name().equals(p.name().value())
                || e.gender() != p.gender()
                || !e.birthDate().equals(p.birthDate())) {
            row.reject(PersonCheck.ID_NUMBER, "该证件号码已登记，但姓名、性别或出生日期与已登记的不一致，请核对");
            return;
        }
        if (!e.communityCode().equals(p.communityCode())) {
            row.reject(PersonCheck.COMMUNITY, "该居民已登记在社区 " + e.communityCode() + "，社区间迁移请在家庭页面办理");
            return;
        }
        if (e.householdId() != null && !e.householdId().equals(household.existingId)) {
            row.reject(ImportColumn.HOUSEHOLD_NO.header(), "该居民已是另一户的成员，户籍变动请在家庭页面办理");
            return;
        }
        row.residentId = e.id();
        if (e.householdId() == null) {
            row.joinsHousehold = true;
        } else if (e.relationship() != row.relationship) {
            if (e.relationship() == Relationship.HEAD || row.relationship == Relationship.HEAD) {
                row.reject(ImportColumn.RELATIONSHIP.header(), "与已登记的不一致：变更户主请在家庭页面办理");
                return;
            }
            row.relationshipChanged = true;
        }
        row.phoneChanged = p.phone() != null && !Arrays.equals(e.phoneBlind(), sensitive.phoneBlind(p.phone()));
        row.hukouChanged = p.hukouAddressCode() != null && !p.hukouAddressCode().equals(e.hukouAddressCode());
        row.action = row.joinsHousehold || row.relationshipChanged || row.phoneChanged || row.hukouChanged
                ? Action.UPDATE
                : Action.UNCHANGED;
    }

    /** One head per household; a household that does not exist yet cannot be formed without its head. */
    private static void checkHousehold(HouseholdPlan household) {
        List<RowPlan> heads = household.rows.stream()
                .filter(r -> r.relationship == Relationship.HEAD)
                .toList();
        String headRows =
                heads.stream().map(r -> "第 " + r.source.number() + " 行").collect(Collectors.joining("、"));
        if (heads.size() > 1) {
            for (RowPlan row : household.rows) {
                row.reject(
                        ImportColumn.RELATIONSHIP.header(),
                        "户编号 " + household.householdNo + " 有 " + heads.size() + " 个户主（" + headRows + "），每户只能有一个户主");
            }
            return;
        }
        RowPlan head = heads.isEmpty() ? null : heads.get(0);
        if (household.existingId != null) {
            if (head != null
                    && !head.rejected()
                    && !Objects.equals(head.residentId == 0 ? null : head.residentId, household.existingHeadId)) {
                head.reject(
                        ImportColumn.RELATIONSHIP.header(),
                        "户编号 " + household.householdNo + " 已登记，户主与文件中的不是同一人；变更户主请在家庭页面办理");
            }
            return;
        }
        if (head == null) {
            for (RowPlan row : household.rows) {
                row.reject(
                        ImportColumn.RELATIONSHIP.header(), "户编号 " + household.householdNo + " 没有“户主”行，新立户须有且只有一个户主");
            }
            return;
        }
        if (head.rejected()) {
            for (RowPlan row : household.rows) {
                if (row != head) {
                    row.reject(
                            ImportColumn.HOUSEHOLD_NO.header(),
                            "本户户主（第 " + head.source.number() + " 行）未通过校验，本户无法立户，成员未导入");
                }
            }
        }
    }
}
