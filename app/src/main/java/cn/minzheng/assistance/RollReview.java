package cn.minzheng.assistance;

import cn.minzheng.resident.Residents;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the reviewer of a payment roll looks at before approving: every payee, compared with the same programme's roll
 * of the month before — who is new, who is no longer paid, whose amount changed — the changes first.
 */
@Service
public class RollReview {

    private final PaymentRolls rolls;
    private final Residents residents;
    private final JdbcClient jdbc;

    RollReview(PaymentRolls rolls, Residents residents, JdbcClient jdbc) {
        this.rolls = rolls;
        this.residents = residents;
        this.jdbc = jdbc;
    }

    /** How a payee's line compares with last month. */
    public enum Change {
        NEW("新增"),
        STOPPED("停发"),
        INCREASED("增发"),
        REDUCED("减发"),
        SAME("无变化");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean exception() {
            return this != SAME;
        }
    }

    record Line(
            Long itemId,
            String payee,
            String householdNo,
            String communityCode,
            long amountFen,
            Long previousFen,
            Change change,
            String state,
            String failureReason) {}

    public record Review(
            PaymentRolls.Roll roll,
            PaymentRolls.Roll previous,
            List<Line> changes,
            List<Line> unchanged,
            long unchangedTotal,
            Map<String, Long> counts) {

        public long difference() {
            return previous == null ? roll.totalFen() : roll.totalFen() - previous.totalFen();
        }
    }

    private record Item(
            long id,
            String subjectType,
            long subjectId,
            String communityCode,
            long amountFen,
            String state,
            String reason) {

        String key() {
            return subjectType + ":" + subjectId;
        }
    }

    /** The review of a roll; the unchanged lines are paged ({@code page} from 0, {@code size} lines). */
    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'DISTRICT_LEADER')")
    @Transactional(readOnly = true)
    public Review of(long rollId, int page, int size) {
        PaymentRolls.Roll roll = rolls.get(rollId);
        Optional<PaymentRolls.Roll> previous = previousOf(roll);
        List<Item> items = items(roll.id());
        Map<String, Item> before = new LinkedHashMap<>();
        previous.ifPresent(p -> items(p.id()).forEach(i -> before.put(i.key(), i)));
        Set<String> now = new HashSet<>();
        List<Item> all = new ArrayList<>(items);
        items.forEach(i -> now.add(i.key()));
        before.values().stream().filter(i -> !now.contains(i.key())).forEach(all::add);
        Map<String, String> payees = payees(all);
        Map<Long, String> households = residents.householdNumbers(all.stream()
                .filter(i -> i.subjectType().equals("HOUSEHOLD"))
                .map(Item::subjectId)
                .distinct()
                .toList());
        List<Line> changes = new ArrayList<>();
        List<Line> unchanged = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Change c : Change.values()) {
            counts.put(c.name(), 0L);
        }
        long unchangedTotal = 0;
        for (Item item : all) {
            boolean current = items.contains(item);
            Item old = before.get(item.key());
            Change change;
            if (!current) {
                change = Change.STOPPED;
            } else if (previous.isEmpty() || old == null) {
                change = previous.isEmpty() ? Change.SAME : Change.NEW;
            } else if (old.amountFen() < item.amountFen()) {
                change = Change.INCREASED;
            } else if (old.amountFen() > item.amountFen()) {
                change = Change.REDUCED;
            } else {
                change = Change.SAME;
            }
            counts.merge(change.name(), 1L, Long::sum);
            Line line = new Line(
                    current ? item.id() : null,
                    payees.getOrDefault(item.key(), "（未登记姓名）"),
                    item.subjectType().equals("HOUSEHOLD") ? households.get(item.subjectId()) : null,
                    item.communityCode(),
                    current ? item.amountFen() : 0,
                    old == null ? null : old.amountFen(),
                    change,
                    current ? item.state() : null,
                    item.reason());
            if (change.exception()) {
                changes.add(line);
            } else {
                unchanged.add(line);
                unchangedTotal += line.amountFen();
            }
        }
        changes.sort(Comparator.comparing(Line::change).thenComparing(Line::communityCode));
        int from = Math.min(unchanged.size(), Math.max(0, page) * size);
        int to = Math.min(unchanged.size(), from + size);
        return new Review(
                roll,
                previous.orElse(null),
                changes,
                new ArrayList<>(unchanged.subList(from, to)),
                unchangedTotal,
                counts);
    }

    /** The same programme's live roll of the month before. */
    private Optional<PaymentRolls.Roll> previousOf(PaymentRolls.Roll roll) {
        YearMonth before = roll.period().minusMonths(1);
        return rolls.list(roll.programme()).stream()
                .filter(r -> r.period().equals(before) && !r.state().equals("CANCELLED"))
                .findFirst();
    }

    private List<Item> items(long rollId) {
        return jdbc.sql("""
                        select id, subject_type, subject_id, community_code, amount_fen, state, failure_reason as reason
                        from payment_item where roll_id = ? and state <> 'VOIDED' order by community_code, id
                        """).param(rollId).query(Item.class).list();
    }

    /** Payees by subject: the household's head, or the person. */
    private Map<String, String> payees(List<Item> items) {
        List<Long> householdIds = items.stream()
                .filter(i -> i.subjectType().equals("HOUSEHOLD"))
                .map(Item::subjectId)
                .distinct()
                .toList();
        Map<Long, Long> heads = householdIds.isEmpty() ? Map.of() : residents.heads(householdIds);
        List<Long> people = new ArrayList<>(heads.values());
        items.stream()
                .filter(i -> i.subjectType().equals("PERSON"))
                .map(Item::subjectId)
                .forEach(people::add);
        Map<Long, String> names = residents.names(people);
        Map<String, String> bySubject = new LinkedHashMap<>();
        for (Item i : items) {
            Long person = i.subjectType().equals("HOUSEHOLD") ? heads.get(i.subjectId()) : Long.valueOf(i.subjectId());
            if (person != null && names.containsKey(person)) {
                bySubject.put(i.key(), names.get(person));
            }
        }
        return bySubject;
    }
}
