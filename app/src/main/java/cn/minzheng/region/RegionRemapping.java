package cn.minzheng.region;

import cn.minzheng.audit.AuditEvent;
import cn.minzheng.audit.AuditTrail;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a split, the operator moves every reference (accounts, residents, cases …) from the closed community to one
 * of the new ones. The reconciliation shows, per holder, the count at the moment of the change against the counts
 * mapped to each successor plus those still waiting: the two sides must be equal.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'DEPARTMENT_OFFICER')")
public class RegionRemapping {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final List<CommunityReferences> holders;

    RegionRemapping(JdbcClient jdbc, Regions regions, AuditTrail audit, List<CommunityReferences> holders) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.holders = holders;
    }

    public record Pending(
            String holder, String label, String fromCode, long count, List<CommunityReferences.Reference> sample) {}

    public record Line(
            String holder, String label, String code, long before, Map<String, Long> mapped, long remaining) {

        public long mappedTotal() {
            return mapped.values().stream().mapToLong(Long::longValue).sum();
        }

        public boolean balanced() {
            return before == mappedTotal() + remaining;
        }
    }

    public record Reconciliation(RegionChange change, List<Line> lines) {

        public boolean balanced() {
            return lines.stream().allMatch(Line::balanced);
        }

        public boolean complete() {
            return lines.stream().allMatch(l -> l.remaining() == 0);
        }
    }

    /** References still at the closed unit(s) of the change, with up to {@code limit} of each to map. */
    @Transactional(readOnly = true)
    public List<Pending> pending(long changeId, int limit) {
        RegionChange change = change(changeId);
        List<Pending> pending = new ArrayList<>();
        for (String code : change.predecessors()) {
            if (change.successors().contains(code)) {
                continue;
            }
            for (CommunityReferences holder : holders) {
                long count = holder.countAt(code);
                if (count > 0) {
                    pending.add(new Pending(holder.holder(), holder.label(), code, count, holder.listAt(code, limit)));
                }
            }
        }
        return pending;
    }

    @Transactional
    public int map(long changeId, String holderName, Collection<String> referenceIds, String toCode) {
        RegionChange change = change(changeId);
        if (change.kind() != RegionChangeKind.SPLIT) {
            throw new BusinessRuleViolation("只有拆分需要逐条迁移；合并和划转已自动迁移");
        }
        if (!change.successors().contains(toCode)) {
            throw new BusinessRuleViolation("目标社区 " + toCode + " 不是这次拆分产生的社区");
        }
        if (referenceIds == null || referenceIds.isEmpty()) {
            throw new BusinessRuleViolation("请选择要迁移的记录");
        }
        CommunityReferences holder = holders.stream()
                .filter(h -> h.holder().equals(holderName))
                .findFirst()
                .orElseThrow(() -> new NotFound("没有这类记录：" + holderName));
        String fromCode = change.predecessors().get(0);
        int moved = holder.reassign(referenceIds, fromCode, toCode);
        if (moved != referenceIds.size()) {
            throw new BusinessRuleViolation("有 " + (referenceIds.size() - moved) + " 条记录已不在原社区，未迁移，请刷新后重试");
        }
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        for (String id : referenceIds) {
            jdbc.sql("""
                            insert into region_remap (change_id, holder, ref_id, from_code, to_code, moved, mapped_by)
                            values (?, ?, ?, ?, ?, 1, ?)
                            """)
                    .params(changeId, holderName, id, fromCode, toCode, actor)
                    .update();
        }
        audit.record(AuditEvent.success("REGION_REMAP", "region_change", changeId)
                .because(holderName + " " + moved + " → " + toCode));
        return moved;
    }

    @Transactional(readOnly = true)
    public Reconciliation reconcile(long changeId) {
        RegionChange change = change(changeId);
        record Snapshot(String holder, String code, long referencesBefore) {}
        List<Snapshot> snapshots = jdbc.sql(
                        "select holder, code, references_before from region_change_snapshot where change_id = ? order by code, holder")
                .param(changeId)
                .query(Snapshot.class)
                .list();
        record Moved(String holder, String fromCode, String toCode, long moved) {}
        List<Moved> moves = jdbc.sql("""
                        select holder, from_code, to_code, sum(moved) as moved from region_remap
                        where change_id = ? group by holder, from_code, to_code
                        """).param(changeId).query(Moved.class).list();
        List<Line> lines = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            CommunityReferences holder = holders.stream()
                    .filter(h -> h.holder().equals(snapshot.holder()))
                    .findFirst()
                    .orElse(null);
            Map<String, Long> mapped = moves.stream()
                    .filter(m ->
                            m.holder().equals(snapshot.holder()) && m.fromCode().equals(snapshot.code()))
                    .collect(Collectors.toMap(Moved::toCode, Moved::moved, Long::sum, java.util.TreeMap::new));
            long remaining = holder == null ? 0 : holder.countAt(snapshot.code());
            lines.add(new Line(
                    snapshot.holder(),
                    holder == null ? snapshot.holder() : holder.label(),
                    snapshot.code(),
                    snapshot.referencesBefore(),
                    mapped,
                    remaining));
        }
        return new Reconciliation(change, lines);
    }

    private RegionChange change(long changeId) {
        return regions.change(changeId).orElseThrow(() -> new NotFound("区划变更 " + changeId + " 不存在"));
    }
}
