package cn.minzheng.resident;

import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.DataScope;
import cn.minzheng.shared.IdNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds residents inside the viewer's scope from one search box: a name or its beginning (张三, 张), full pinyin
 * (zhangsan) or initials (zs), a full ID number, the last four characters of the ID number together with the name
 * (张三 1234), or a phone number. Lists show ID numbers masked; nothing is decrypted to search (blind indexes).
 *
 * <p>Every condition is a range or an equality on an indexed column (prefixes are ranges in the "C" collation):
 * LIKE is not leakproof, so under row-level security PostgreSQL could not use an index for it.
 */
@Service
@PreAuthorize(ResidentRoles.READ)
public class ResidentSearch {

    /** Counts stop here: a list does not need to know that 120 000 people are called 张 something. */
    static final int COUNT_LIMIT = 1000;

    private static final Pattern LAST_FOUR_AFTER = Pattern.compile("^(\\S+?)\\s*([0-9０-９]{3}[0-9Xx０-９ｘＸ])$");
    private static final Pattern LAST_FOUR_BEFORE = Pattern.compile("^([0-9０-９]{3}[0-9Xx０-９ｘＸ])\\s*(\\S+)$");
    private static final String UNBOUNDED = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final JdbcClient jdbc;
    private final SensitiveFields sensitive;

    ResidentSearch(JdbcClient jdbc, SensitiveFields sensitive) {
        this.jdbc = jdbc;
        this.sensitive = sensitive;
    }

    public enum Kind {
        ALL("全部"),
        NAME("姓名"),
        PINYIN("拼音或首字母"),
        ID_NUMBER("证件号码"),
        LAST_FOUR_AND_NAME("证件号码后四位和姓名"),
        PHONE("联系电话");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Query(String text, String communityCode, int page, int size) {}

    /** A page of results; {@code total} is exact up to {@link #COUNT_LIMIT}, then {@code totalCapped}. */
    public record Page(Kind kind, List<ResidentSummary> items, long total, boolean totalCapped, int page, int size) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /**
     * How a search text is read; package-private for tests. A condition with {@code alternatives} is answered by one
     * index-ordered query per alternative, taken in turn (initials before full pinyin): an OR of two ranges would have
     * to fetch and sort every match, some twenty thousand rows for "zs" in a whole district.
     */
    record Condition(Kind kind, String sql, List<Object> params, String order, List<Condition> alternatives) {

        Condition(Kind kind, String sql, List<Object> params, String order) {
            this(kind, sql, params, order, List.of());
        }
    }

    @Transactional(readOnly = true)
    public Page search(Query query) {
        DataScope scope = Staff.scope();
        int size = Math.max(1, Math.min(query.size(), 200));
        int page = Math.max(0, Math.min(query.page(), 1000));
        Condition condition = read(query.text());
        StringBuilder where =
                new StringBuilder(" where r.merged_into is null and " + ResidentRecords.scopeCondition("r"));
        List<Object> params = new ArrayList<>(ResidentRecords.scopeParameters(scope.code()));
        String community = PersonCheck.blankToNull(query.communityCode());
        if (community != null) {
            if (!community.matches("[0-9]{6,12}")) {
                throw new BusinessRuleViolation("社区代码应为数字");
            }
            where.append(" and ").append(ResidentRecords.scopeCondition("r"));
            params.addAll(ResidentRecords.scopeParameters(community));
        }
        StringBuilder base = new StringBuilder(where);
        List<Object> baseParams = new ArrayList<>(params);
        if (!condition.sql().isEmpty()) {
            where.append(" and ").append(condition.sql());
            params.addAll(condition.params());
        }
        List<ResidentSummary> items = condition.alternatives().isEmpty()
                ? page(where, params, condition, size, page * size)
                : inTurn(base, baseParams, condition.alternatives(), size, page * size);
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(COUNT_LIMIT + 1);
        long total = jdbc.sql("select count(*) from (select 1 from resident r" + where + " limit ?) matches")
                .params(countParams)
                .query(Long.class)
                .single();
        boolean capped = total > COUNT_LIMIT;
        return new Page(condition.kind(), items, capped ? COUNT_LIMIT : total, capped, page, size);
    }

    private List<ResidentSummary> page(
            StringBuilder where, List<Object> params, Condition condition, int limit, int offset) {
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add(offset);
        return jdbc.sql(ResidentRecords.SUMMARY + where + " order by " + condition.order() + " limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> ResidentRecords.mapSummary(rs))
                .list();
    }

    /** The first alternative's matches, then the next one's that are not among them, …; each query stops early. */
    private List<ResidentSummary> inTurn(
            StringBuilder where, List<Object> params, List<Condition> alternatives, int size, int offset) {
        int wanted = offset + size;
        java.util.LinkedHashMap<Long, ResidentSummary> found = new java.util.LinkedHashMap<>();
        for (Condition alternative : alternatives) {
            if (found.size() >= wanted) {
                break;
            }
            List<Object> all = new ArrayList<>(params);
            all.addAll(alternative.params());
            StringBuilder alternativeWhere =
                    new StringBuilder(where).append(" and ").append(alternative.sql());
            for (ResidentSummary r : page(alternativeWhere, all, alternative, wanted, 0)) {
                found.putIfAbsent(r.id(), r);
            }
        }
        return found.values().stream().skip(offset).limit(size).toList();
    }

    Condition read(String text) {
        String t = text == null ? "" : text.strip().replace('\u3000', ' ');
        if (t.isEmpty()) {
            return new Condition(Kind.ALL, "", List.of(), "r.community_code, r.id");
        }
        String compact = IdNumber.normalise(t);
        if (compact.length() >= 15
                && compact.length() <= 18
                && compact.matches("[0-9]{14,17}[0-9X]|[A-Z]{3}[0-9]{12}")) {
            String number = compact;
            IdNumber.Check check = IdNumber.check(cn.minzheng.shared.IdDocumentType.RESIDENT_ID_CARD, compact);
            if (check.valid() && check.number() != null) {
                number = check.number().value(); // a 15-digit number is found by its 18-digit form
            }
            return new Condition(Kind.ID_NUMBER, "r.id_blind = ?", List.of(sensitive.idBlind(number)), "r.id");
        }
        var phone = ContactNumbers.phone(t);
        if (phone.isPresent()) {
            return new Condition(Kind.PHONE, "r.phone_blind = ?", List.of(sensitive.phoneBlind(phone.get())), "r.id");
        }
        Matcher after = LAST_FOUR_AFTER.matcher(t);
        Matcher before = LAST_FOUR_BEFORE.matcher(t);
        String name = null;
        String lastFour = null;
        if (after.matches() && hasChinese(after.group(1))) {
            name = after.group(1);
            lastFour = IdNumber.normalise(after.group(2));
        } else if (before.matches() && hasChinese(before.group(2))) {
            name = before.group(2);
            lastFour = IdNumber.normalise(before.group(1));
        }
        if (name != null) {
            return new Condition(
                    Kind.LAST_FOUR_AND_NAME, "r.id_last4 = ? and r.name = ?", List.of(lastFour, name), "r.id");
        }
        if (compact.matches("[0-9X]{1,14}") && compact.matches(".*[0-9].*")) { // "xx" is 徐霞's initials, not a number
            throw new BusinessRuleViolation("按证件号码查找请输入完整号码；按后四位查找请同时输入姓名，例如“张三 1234”");
        }
        if (hasChinese(t)) {
            String prefix = t.replace(" ", "");
            return new Condition(
                    Kind.NAME,
                    "r.name >= ? and r.name < ?",
                    List.of(prefix, prefix + UNBOUNDED),
                    "r.name, r.birth_date, r.id");
        }
        String key = NamePinyin.queryKey(t);
        if (!key.isEmpty()) {
            if (key.length() < 2) {
                throw new BusinessRuleViolation("按拼音查找请至少输入两个字母，例如 zs 或 zhangsan");
            }
            String upper = key + "{"; // '{' follows 'z': every key that starts with the query sorts before it
            // initials first, in index order, so exact initials come first (zs: 张三 before 张三丰); then full pinyin
            return new Condition(
                    Kind.PINYIN,
                    "((r.name_initials >= ? and r.name_initials < ?) or (r.name_pinyin >= ? and r.name_pinyin < ?))",
                    List.of(key, upper, key, upper),
                    "",
                    List.of(
                            new Condition(
                                    Kind.PINYIN,
                                    "r.name_initials >= ? and r.name_initials < ?",
                                    List.of(key, upper),
                                    "r.name_initials, r.community_code, r.id"),
                            new Condition(
                                    Kind.PINYIN,
                                    "r.name_pinyin >= ? and r.name_pinyin < ?",
                                    List.of(key, upper),
                                    "r.name_pinyin, r.community_code, r.id")));
        }
        throw new BusinessRuleViolation("请输入姓名、拼音（或首字母）、完整证件号码，或“姓名 证件号码后四位”");
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(Character::isIdeographic);
    }
}
