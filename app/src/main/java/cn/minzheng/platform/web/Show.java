package cn.minzheng.platform.web;

import cn.minzheng.platform.DataScopes;
import cn.minzheng.platform.Display;
import cn.minzheng.platform.Labels;
import cn.minzheng.platform.RegionChoices;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.platform.StaffNames;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code #show} in every template: what a person reads instead of codes, login names, fen and UTC timestamps.
 *
 * <pre>
 * ${#show.yuan(r.totalFen)}            1,234.56 元
 * ${#show.amount(r.totalFen)}          1,234.56   (column headed 金额（元）)
 * ${#show.date(c.receivedOn)}          2026年12月7日
 * ${#show.time(a.uploadedAt)}          2026年12月7日 14:37 (the bureau's clock)
 * ${#show.month(r.period)}             2026年12月
 * ${#show.staff(r.generatedBy)}        王晓燕
 * ${#show.region(c.communityCode)}     小寨路街道 / 测试一社区
 * ${#show.label('programme', p)}       最低生活保障金
 * ${#show.yesNo(flag)}                 是 / 否
 * </pre>
 *
 * Every method accepts null and shows "—".
 */
public final class Show {

    private final Labels labels;
    private final StaffNames staff;
    private final ScopeNames regions;
    private final RegionChoices tree;
    private final Clock clock;

    Show(Labels labels, StaffNames staff, ScopeNames regions, RegionChoices tree, Clock clock) {
        this.labels = labels;
        this.staff = staff;
        this.regions = regions;
        this.tree = tree;
        this.clock = clock;
    }

    /** The district's code (the widest scope, 全区). */
    public String districtCode() {
        return tree.streets("").isEmpty() ? "" : tree.streets("").get(0).code().substring(0, 6);
    }

    /** The streets and communities the viewer may choose from (the region picker's options). */
    public List<RegionChoices.Choice> streets() {
        // names of streets and communities are public: the portal (no one signed in) chooses from the whole district
        return tree.streets(DataScopes.current().map(s -> s.code()).orElse(""));
    }

    public String yuan(Number fen) {
        return fen == null ? Display.NONE : Display.yuan(fen.longValue());
    }

    public String amount(Number fen) {
        return fen == null ? Display.NONE : Display.amount(fen.longValue());
    }

    /** The day of a date or of an instant on the bureau's clock. */
    public String date(Object value) {
        LocalDate day = day(value);
        return day == null ? Display.NONE : Display.date(day);
    }

    /** Day and minute on the bureau's clock. A plain date is shown as a date. */
    public String time(Object value) {
        if (value == null) {
            return Display.NONE;
        }
        if (value instanceof LocalDate d) {
            return Display.date(d);
        }
        LocalDateTime local = local(value);
        return local == null ? String.valueOf(value) : Display.dateTime(local);
    }

    public String month(Object value) {
        if (value == null) {
            return Display.NONE;
        }
        if (value instanceof YearMonth m) {
            return Display.month(m);
        }
        if (value instanceof LocalDate d) {
            return Display.month(YearMonth.from(d));
        }
        if (value instanceof CharSequence text && text.toString().matches("\\d{4}-\\d{2}")) {
            return Display.month(YearMonth.parse(text));
        }
        return String.valueOf(value);
    }

    public String period(Object from, Object to) {
        return date(from) + "至" + date(to);
    }

    public String staff(String username) {
        return username == null ? Display.NONE : staff.nameOf(username);
    }

    public String staffList(Collection<String> usernames) {
        if (usernames == null || usernames.isEmpty()) {
            return Display.NONE;
        }
        return usernames.stream().map(staff::nameOf).collect(Collectors.joining("、"));
    }

    public String region(String code) {
        return code == null || code.isBlank() ? Display.NONE : regions.nameOf(code);
    }

    /** Several units by name: 红专南路社区、红专三村社区. */
    public String regions(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return Display.NONE;
        }
        return codes.stream().map(this::region).collect(Collectors.joining("、"));
    }

    public String label(String catalogue, Object code) {
        return code == null ? Display.NONE : labels.label(catalogue, code.toString());
    }

    public String labels(String catalogue, Collection<?> codes) {
        if (codes == null) {
            return Display.NONE;
        }
        return labels.labels(catalogue, codes.stream().map(String::valueOf).toList());
    }

    public String yesNo(Boolean value) {
        return Display.yesNo(value);
    }

    public String days(Number days, String dayTypeLabel) {
        return days == null ? Display.NONE : days + " 个" + (dayTypeLabel == null ? "日" : dayTypeLabel);
    }

    private LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof CharSequence text && text.toString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text);
        }
        LocalDateTime local = local(value);
        return local == null ? null : local.toLocalDate();
    }

    private LocalDateTime local(Object value) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, clock.getZone());
        }
        if (value instanceof OffsetDateTime o) {
            return LocalDateTime.ofInstant(o.toInstant(), clock.getZone());
        }
        if (value instanceof ZonedDateTime z) {
            return LocalDateTime.ofInstant(z.toInstant(), clock.getZone());
        }
        if (value instanceof java.sql.Timestamp t) {
            return LocalDateTime.ofInstant(t.toInstant(), clock.getZone());
        }
        if (value instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), clock.getZone());
        }
        if (value instanceof LocalDateTime l) {
            return l;
        }
        return null;
    }
}
