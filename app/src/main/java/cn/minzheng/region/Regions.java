package cn.minzheng.region;

import cn.minzheng.shared.RegionLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions about the territory, always "as of" a date: which units existed, what they were called, what is inside
 * what. Region data is public administrative information and is not scoped.
 */
@Service
@Transactional(readOnly = true)
public class Regions {

    private final JdbcClient jdbc;
    private final Clock clock;

    Regions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<RegionUnit> find(String code, LocalDate asOf) {
        return jdbc.sql("""
                        select * from region_unit
                        where code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        """).params(code, asOf, asOf).query((rs, n) -> map(rs)).optional();
    }

    public Optional<RegionUnit> current(String code) {
        return find(code, today());
    }

    public boolean isActive(String code, LocalDate asOf) {
        return find(code, asOf).isPresent();
    }

    /** Every version the code has had, oldest first. */
    public List<RegionUnit> history(String code) {
        return jdbc.sql("select * from region_unit where code = ? order by valid_from")
                .param(code)
                .query((rs, n) -> map(rs))
                .list();
    }

    public List<RegionUnit> children(String parentCode, LocalDate asOf) {
        return jdbc.sql("""
                        select * from region_unit
                        where parent_code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        order by code
                        """)
                .params(parentCode, asOf, asOf)
                .query((rs, n) -> map(rs))
                .list();
    }

    public List<RegionUnit> all(RegionLevel level, LocalDate asOf) {
        return jdbc.sql("""
                        select * from region_unit
                        where level = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        order by code
                        """)
                .params(level.name(), asOf, asOf)
                .query((rs, n) -> map(rs))
                .list();
    }

    public long count(RegionLevel level, LocalDate asOf) {
        return jdbc.sql("""
                        select count(*) from region_unit
                        where level = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        """).params(level.name(), asOf, asOf).query(Long.class).single();
    }

    /** Units of the level inside a scope (a street's communities, or the district's). */
    public long countWithin(RegionLevel level, String scopeCode, LocalDate asOf) {
        return jdbc.sql("""
                        select count(*) from region_unit
                        where level = ? and starts_with(code, ?) and valid_from <= ? and (valid_to is null or valid_to > ?)
                        """)
                .params(level.name(), scopeCode, asOf, asOf)
                .query(Long.class)
                .single();
    }

    /** The whole tree on a date: the district, its streets, their communities. */
    public Tree tree(LocalDate asOf) {
        List<RegionUnit> units =
                jdbc.sql("""
                        select * from region_unit
                        where valid_from <= ? and (valid_to is null or valid_to > ?)
                        order by code
                        """).params(asOf, asOf).query((rs, n) -> map(rs)).list();
        Map<String, List<RegionUnit>> byParent = new LinkedHashMap<>();
        RegionUnit district = null;
        for (RegionUnit unit : units) {
            if (unit.level() == RegionLevel.DISTRICT) {
                district = unit;
            } else {
                byParent.computeIfAbsent(unit.parentCode(), k -> new ArrayList<>())
                        .add(unit);
            }
        }
        List<Tree.Street> streets = new ArrayList<>();
        for (RegionUnit street : byParent.getOrDefault(district == null ? "" : district.code(), List.of())) {
            streets.add(new Tree.Street(street, byParent.getOrDefault(street.code(), List.of())));
        }
        return new Tree(asOf, district, streets);
    }

    public record Tree(LocalDate asOf, RegionUnit district, List<Street> streets) {

        public record Street(RegionUnit unit, List<RegionUnit> communities) {}

        public int communityCount() {
            return streets.stream().mapToInt(s -> s.communities().size()).sum();
        }
    }

    /** Changes that touched the code, as predecessor or successor, newest first. */
    public List<RegionChange> changesOf(String code) {
        List<Long> ids =
                jdbc.sql("""
                        select distinct change_id from region_lineage where predecessor_code = ? or successor_code = ?
                        union
                        select started_by from region_unit where code = ? and started_by is not null
                        union
                        select ended_by from region_unit where code = ? and ended_by is not null
                        """).params(code, code, code, code).query(Long.class).list();
        return ids.stream()
                .map(this::change)
                .flatMap(Optional::stream)
                .sorted((a, b) -> b.effectiveOn().compareTo(a.effectiveOn()))
                .toList();
    }

    public List<RegionChange> recentChanges(int limit) {
        return jdbc
                .sql("select id from region_change order by effective_on desc, id desc limit ?")
                .param(limit)
                .query(Long.class)
                .list()
                .stream()
                .map(this::change)
                .flatMap(Optional::stream)
                .toList();
    }

    public Optional<RegionChange> change(long id) {
        List<String[]> lineage = jdbc.sql(
                        "select predecessor_code, successor_code from region_lineage where change_id = ? order by 1, 2")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        List<String> opened = jdbc.sql("select code from region_unit where started_by = ? order by code")
                .param(id)
                .query(String.class)
                .list();
        List<String> closed = jdbc.sql("select code from region_unit where ended_by = ? order by code")
                .param(id)
                .query(String.class)
                .list();
        List<String> predecessors =
                new ArrayList<>(lineage.stream().map(l -> l[0]).distinct().toList());
        closed.stream().filter(c -> !predecessors.contains(c)).forEach(predecessors::add);
        List<String> successors =
                new ArrayList<>(lineage.stream().map(l -> l[1]).distinct().toList());
        opened.stream().filter(c -> !successors.contains(c)).forEach(successors::add);
        return jdbc.sql("select * from region_change where id = ?")
                .param(id)
                .query((rs, n) -> new RegionChange(
                        rs.getLong("id"),
                        RegionChangeKind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("document_ref"),
                        rs.getString("note"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        List.copyOf(predecessors),
                        List.copyOf(successors)))
                .optional();
    }

    static RegionUnit map(ResultSet rs) throws SQLException {
        return new RegionUnit(
                rs.getString("code"),
                rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("in_bureau_network"),
                rs.getString("managing_body"));
    }
}
