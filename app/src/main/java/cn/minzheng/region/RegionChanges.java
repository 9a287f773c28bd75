package cn.minzheng.region;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.District;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.RegionCode;
import cn.minzheng.shared.RegionLevel;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes of the territory. Nothing is overwritten: a change closes versions (valid_to = effective date) and
 * opens new ones, and links predecessors to successors. A change takes effect on or before the day it is recorded;
 * planned changes are recorded when they happen.
 *
 * <p>Only district-level staff (系统管理员, 业务科室经办 with the whole district in scope) change the tree: the 区政府
 * decides community establishment and restructuring, the bureau records it.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
public class RegionChanges {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final District district;
    private final List<CommunityReferences> holders;

    RegionChanges(
            JdbcClient jdbc, Regions regions, AuditTrail audit, District district, List<CommunityReferences> holders) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.district = district;
        this.holders = holders;
    }

    /** A unit opened by a change: its code and name. */
    public record NewUnit(String code, String name) {}

    /** The decision behind a change (批准文件) and a free note. */
    public record Basis(String documentRef, String note) {

        public static Basis none() {
            return new Basis(null, null);
        }
    }

    @Transactional
    public long establish(
            String code,
            String name,
            String parentCode,
            LocalDate on,
            boolean inBureauNetwork,
            String managingBody,
            Basis basis) {
        requireDistrictScope();
        RegionCode regionCode = parse(code);
        checkName(name);
        checkDate(on);
        if (regionCode.level() == RegionLevel.DISTRICT) {
            if (parentCode != null) {
                throw new BusinessRuleViolation("区级单位没有上级");
            }
        } else {
            RegionUnit parent = regions.find(parentCode, on)
                    .orElseThrow(() -> new BusinessRuleViolation("上级单位 " + parentCode + " 在 " + on + " 不存在"));
            checkPlacement(regionCode, parent);
        }
        checkCodeFree(regionCode.value(), on);
        long change = newChange(RegionChangeKind.ESTABLISH, on, basis);
        open(regionCode, name, parentCode, on, inBureauNetwork, managingBody, change);
        audited(change, RegionChangeKind.ESTABLISH, code);
        return change;
    }

    @Transactional
    public long rename(String code, String newName, LocalDate on, Basis basis) {
        requireDistrictScope();
        checkName(newName);
        checkDate(on);
        RegionUnit unit = activeVersionBefore(code, on);
        if (unit.name().equals(newName)) {
            throw new BusinessRuleViolation("新名称与原名称相同");
        }
        long change = newChange(RegionChangeKind.RENAME, on, basis);
        close(unit, on, change);
        open(parse(code), newName, unit.parentCode(), on, unit.inBureauNetwork(), unit.managingBody(), change);
        lineage(change, code, code);
        audited(change, RegionChangeKind.RENAME, code);
        return change;
    }

    /**
     * Splits a community into two or more new ones. Its references stay at the old code until the operator maps each
     * to a successor ({@link RegionRemapping}); the counts at the moment of the split are kept for reconciliation.
     */
    @Transactional
    public long split(String code, List<NewUnit> successors, LocalDate on, Basis basis) {
        requireDistrictScope();
        checkDate(on);
        RegionUnit unit = activeVersionBefore(code, on);
        if (unit.level() != RegionLevel.COMMUNITY) {
            throw new BusinessRuleViolation("只有社区可以拆分");
        }
        if (successors == null || successors.size() < 2) {
            throw new BusinessRuleViolation("拆分至少产生两个新社区");
        }
        RegionUnit street = regions.find(unit.parentCode(), on)
                .orElseThrow(() -> new BusinessRuleViolation("社区所属街道在 " + on + " 不存在"));
        Set<String> seen = new HashSet<>();
        for (NewUnit successor : successors) {
            RegionCode successorCode = parse(successor.code());
            checkName(successor.name());
            if (!seen.add(successorCode.value())) {
                throw new BusinessRuleViolation("新社区代码 " + successorCode + " 重复");
            }
            if (successorCode.value().equals(code)) {
                throw new BusinessRuleViolation("拆分后的新社区须使用新代码，不能沿用被拆分社区的代码 " + code);
            }
            checkPlacement(successorCode, street);
            checkCodeFree(successorCode.value(), on);
        }
        long change = newChange(RegionChangeKind.SPLIT, on, basis);
        snapshotReferences(change, List.of(code));
        close(unit, on, change);
        for (NewUnit successor : successors) {
            open(
                    parse(successor.code()),
                    successor.name(),
                    unit.parentCode(),
                    on,
                    unit.inBureauNetwork(),
                    unit.managingBody(),
                    change);
            lineage(change, code, successor.code());
        }
        audited(change, RegionChangeKind.SPLIT, code);
        return change;
    }

    /**
     * Merges communities into one: either a new unit, or an existing one that absorbs the others. References move to
     * the successor at once, since there is only one place for them to go.
     */
    @Transactional
    public long merge(List<String> codes, NewUnit successor, LocalDate on, Basis basis) {
        requireDistrictScope();
        checkDate(on);
        if (codes == null || codes.size() < 2) {
            throw new BusinessRuleViolation("合并至少涉及两个社区");
        }
        RegionCode successorCode = parse(successor.code());
        boolean absorbing = codes.contains(successorCode.value());
        List<RegionUnit> units =
                codes.stream().map(c -> activeVersionBefore(c, on)).toList();
        for (RegionUnit unit : units) {
            if (unit.level() != RegionLevel.COMMUNITY) {
                throw new BusinessRuleViolation("只有社区可以合并：" + unit.code() + " 不是社区");
            }
        }
        String streetCode = successorCode.streetPrefix();
        RegionUnit street = regions.find(streetCode, on)
                .orElseThrow(() -> new BusinessRuleViolation("新社区所属街道 " + streetCode + " 在 " + on + " 不存在"));
        if (!absorbing) {
            checkName(successor.name());
            checkPlacement(successorCode, street);
            checkCodeFree(successorCode.value(), on);
        }
        long change = newChange(RegionChangeKind.MERGE, on, basis);
        List<String> closing =
                codes.stream().filter(c -> !c.equals(successorCode.value())).toList();
        snapshotReferences(change, closing);
        for (RegionUnit unit : units) {
            if (!unit.code().equals(successorCode.value())) {
                close(unit, on, change);
            }
        }
        if (!absorbing) {
            RegionUnit first = units.get(0);
            open(
                    successorCode,
                    successor.name(),
                    street.code(),
                    on,
                    first.inBureauNetwork(),
                    first.managingBody(),
                    change);
        }
        for (String code : codes) {
            if (!code.equals(successorCode.value())) {
                lineage(change, code, successorCode.value());
                moveAll(change, code, successorCode.value());
            }
        }
        audited(change, RegionChangeKind.MERGE, successorCode.value());
        return change;
    }

    /**
     * Moves a community to another street (new code under the new street), or hands it over from another managing body
     * (a development zone) keeping its code. References follow automatically.
     */
    @Transactional
    public long transfer(
            String code,
            String newStreetCode,
            String newCode,
            String newName,
            String managingBody,
            boolean inBureauNetwork,
            LocalDate on,
            Basis basis) {
        requireDistrictScope();
        checkDate(on);
        RegionUnit unit = activeVersionBefore(code, on);
        if (unit.level() != RegionLevel.COMMUNITY) {
            throw new BusinessRuleViolation("只有社区可以移交或划转");
        }
        RegionUnit street = regions.find(newStreetCode, on)
                .filter(s -> s.level() == RegionLevel.STREET)
                .orElseThrow(() -> new BusinessRuleViolation("接收街道 " + newStreetCode + " 在 " + on + " 不存在"));
        RegionCode target = parse(newCode);
        checkPlacement(target, street);
        String name = newName == null || newName.isBlank() ? unit.name() : newName;
        checkName(name);
        if (!target.value().equals(code)) {
            checkCodeFree(target.value(), on);
        }
        long change = newChange(RegionChangeKind.TRANSFER, on, basis);
        if (!target.value().equals(code)) {
            snapshotReferences(change, List.of(code));
        }
        close(unit, on, change);
        open(target, name, street.code(), on, inBureauNetwork, managingBody, change);
        lineage(change, code, target.value());
        if (!target.value().equals(code)) {
            moveAll(change, code, target.value());
        }
        audited(change, RegionChangeKind.TRANSFER, code);
        return change;
    }

    /** Abolishes a unit that nothing refers to any more (no communities below it, no references to it). */
    @Transactional
    public long abolish(String code, LocalDate on, Basis basis) {
        requireDistrictScope();
        checkDate(on);
        RegionUnit unit = activeVersionBefore(code, on);
        if (!regions.children(code, on).isEmpty()) {
            throw new BusinessRuleViolation(unit.name() + " 下仍有下级单位，不能撤销");
        }
        for (CommunityReferences holder : holders) {
            long count = holder.countAt(code);
            if (count > 0) {
                throw new BusinessRuleViolation(unit.name() + " 仍有 " + count + " 条" + holder.label() + "，请先迁移后再撤销");
            }
        }
        long change = newChange(RegionChangeKind.ABOLISH, on, basis);
        close(unit, on, change);
        audited(change, RegionChangeKind.ABOLISH, code);
        return change;
    }

    private void requireDistrictScope() {
        if (!DataScopes.current().map(s -> s.code().equals(district.code())).orElse(false)) {
            throw new AccessDeniedException("区划调整须由区级账号办理");
        }
    }

    private RegionUnit activeVersionBefore(String code, LocalDate on) {
        RegionUnit unit = regions.find(code, on)
                .orElseThrow(() -> new BusinessRuleViolation("单位 " + code + " 在 " + on + " 不存在或已撤销"));
        if (!unit.validFrom().isBefore(on)) {
            throw new BusinessRuleViolation("单位 " + code + " 的当前版本自 " + unit.validFrom() + " 起生效，变更日期须晚于该日期");
        }
        if (unit.validTo() != null) {
            throw new BusinessRuleViolation("单位 " + code + " 在 " + unit.validTo() + " 已有后续变更，请按时间顺序登记");
        }
        return unit;
    }

    private void checkPlacement(RegionCode code, RegionUnit parent) {
        RegionLevel expected = parent.level() == RegionLevel.DISTRICT ? RegionLevel.STREET : RegionLevel.COMMUNITY;
        if (parent.level() == RegionLevel.COMMUNITY) {
            throw new BusinessRuleViolation("社区之下不再设下级单位");
        }
        if (code.level() != expected) {
            throw new BusinessRuleViolation(
                    parent.name() + " 的下级单位须是" + expected.label() + "（" + expected.codeLength() + "位代码）");
        }
        if (!code.value().startsWith(parent.code())) {
            throw new BusinessRuleViolation("代码 " + code + " 须以上级单位代码 " + parent.code() + " 开头（统计用区划代码编制规则）");
        }
        if (code.level() == RegionLevel.COMMUNITY) {
            int serial = Integer.parseInt(code.value().substring(9));
            if (serial < 1 || serial > 199) {
                throw new BusinessRuleViolation("社区代码的后三位须在 001–199 之间（居委会/社区）");
            }
        }
    }

    private void checkCodeFree(String code, LocalDate on) {
        Integer used = jdbc.sql("""
                        select count(*) from region_unit
                        where code = ? and (valid_to is null or valid_to > ?)
                        """).params(code, on).query(Integer.class).single();
        if (used > 0) {
            throw new BusinessRuleViolation("代码 " + code + " 已被使用");
        }
    }

    private static RegionCode parse(String code) {
        if (!RegionCode.isWellFormed(code)) {
            throw new BusinessRuleViolation("区划代码 " + code + " 格式不正确：须为6位、9位或12位数字");
        }
        return RegionCode.of(code);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new BusinessRuleViolation("名称不能为空");
        }
        int length = name.strip().codePointCount(0, name.strip().length());
        if (length > 60) {
            throw new BusinessRuleViolation("名称过长（最多60个字）");
        }
    }

    private void checkDate(LocalDate on) {
        Objects.requireNonNull(on, "effective date");
        if (on.isAfter(regions.today())) {
            throw new BusinessRuleViolation("生效日期 " + on + " 在今天之后：区划变更在生效后登记");
        }
    }

    private long newChange(RegionChangeKind kind, LocalDate on, Basis basis) {
        return jdbc.sql("""
                        insert into region_change (kind, effective_on, document_ref, note, recorded_by)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(kind.name(), on, basis.documentRef(), basis.note(), actor())
                .query(Long.class)
                .single();
    }

    private void open(
            RegionCode code,
            String name,
            String parentCode,
            LocalDate on,
            boolean inBureauNetwork,
            String managingBody,
            long change) {
        jdbc.sql("""
                        insert into region_unit (code, name, level, parent_code, valid_from, in_bureau_network,
                                                 managing_body, started_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        code.value(),
                        name.strip(),
                        code.level().name(),
                        parentCode,
                        on,
                        inBureauNetwork,
                        managingBody,
                        change)
                .update();
    }

    private void close(RegionUnit unit, LocalDate on, long change) {
        jdbc.sql("update region_unit set valid_to = ?, ended_by = ? where code = ? and valid_to is null")
                .params(on, change, unit.code())
                .update();
    }

    private void lineage(long change, String predecessor, String successor) {
        jdbc.sql("insert into region_lineage (change_id, predecessor_code, successor_code) values (?, ?, ?)")
                .params(change, predecessor, successor)
                .update();
    }

    private void snapshotReferences(long change, List<String> codes) {
        for (String code : codes) {
            for (CommunityReferences holder : holders) {
                jdbc.sql("""
                                insert into region_change_snapshot (change_id, holder, code, references_before)
                                values (?, ?, ?, ?)
                                """)
                        .params(change, holder.holder(), code, holder.countAt(code))
                        .update();
            }
        }
    }

    private void moveAll(long change, String from, String to) {
        for (CommunityReferences holder : holders) {
            int moved = holder.reassignAll(from, to);
            jdbc.sql("""
                            insert into region_remap (change_id, holder, ref_id, from_code, to_code, moved, mapped_by)
                            values (?, ?, '*', ?, ?, ?, ?)
                            """)
                    .params(change, holder.holder(), from, to, moved, actor())
                    .update();
        }
    }

    private void audited(long change, RegionChangeKind kind, String code) {
        audit.record(AuditEvent.success("REGION_" + kind.name(), "region_change", change)
                .because(code));
    }

    private static String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
