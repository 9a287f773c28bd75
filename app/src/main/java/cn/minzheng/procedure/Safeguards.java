package cn.minzheng.procedure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which legal safeguards a new version of a matter type weakens compared with the version in force: legal review
 * (ALWAYS → RULES → NEVER, 清单 rules dropped or changed), the public notice (no longer required, a shorter period),
 * clocks (dropped, longer, extendable further, now suspendable), suspensions (more states, more clocks, more times,
 * no end), steps' preconditions (fewer documents, participants or prerequisites), disclosure. Such a version takes
 * effect only after a 法制审核员 and a second officer approve it (four eyes). Every finding is said in words.
 */
final class Safeguards {

    private Safeguards() {}

    static List<String> weakenings(MatterType old, MatterType now) {
        List<String> found = new ArrayList<>();
        review(old.legalReview(), now.legalReview(), found);
        notice(old.notice(), now.notice(), found);
        Map<String, MatterType.ClockRule> clocks = by(now.clocks(), MatterType.ClockRule::code);
        for (MatterType.ClockRule before : old.clocks()) {
            MatterType.ClockRule after = clocks.get(before.code());
            if (after == null) {
                found.add("删除了时限“" + before.name() + "”");
                continue;
            }
            if (longer(before.limit(), after.limit())) {
                found.add("时限“" + before.name() + "”由 " + before.limit().text() + " 改为 "
                        + after.limit().text());
            }
            if (after.extension() != null
                    && (before.extension() == null
                            || longer(
                                    before.extension().max(), after.extension().max()))) {
                found.add("时限“" + before.name() + "”可以延长得更多");
            }
            if (!before.suspendable() && after.suspendable()) {
                found.add("时限“" + before.name() + "”改为可以中止");
            }
        }
        Map<String, MatterType.SuspensionRule> earlier = by(old.suspensions(), MatterType.SuspensionRule::code);
        for (MatterType.SuspensionRule after : now.suspensions()) {
            MatterType.SuspensionRule before = earlier.get(after.code());
            if (before == null) {
                found.add("新增中止“" + after.label() + "”");
            } else if (!before.states().containsAll(after.states())
                    || !(before.clocks().isEmpty() || before.clocks().containsAll(after.clocks()))
                    || after.maxTimes() > before.maxTimes()
                    || (before.maxDays() != null
                            && (after.maxDays() == null || longer(before.maxDays(), after.maxDays())))) {
                found.add("中止“" + after.label() + "”的适用范围扩大");
            }
        }
        Map<String, MatterType.Step> steps = by(now.steps(), MatterType.Step::code);
        for (MatterType.Step before : old.steps()) {
            MatterType.Step after = steps.get(before.code());
            if (after == null) {
                found.add("删除了步骤“" + before.name() + "”");
                continue;
            }
            if (!after.documents().containsAll(before.documents())
                    || !after.requires().containsAll(before.requires())
                    || after.minParticipants() < before.minParticipants()
                    || !after.afterSteps().containsAll(before.afterSteps())
                    || !after.after().containsAll(before.after())
                    || !after.notBefore().containsAll(before.notBefore())) {
                found.add("步骤“" + before.name() + "”的前提条件减少");
            }
            if (!before.roles().containsAll(after.roles())) {
                found.add("步骤“" + before.name() + "”可由更多角色办理");
            }
        }
        if (old.disclosure() != null && now.disclosure() == null) {
            found.add("取消了决定后的结果公布");
        }
        return found;
    }

    private static void review(MatterType.ReviewRule before, MatterType.ReviewRule after, List<String> found) {
        if (rank(after) < rank(before)) {
            found.add("法制审核由“" + label(before) + "”改为“" + label(after) + "”");
            return;
        }
        if ("RULES".equals(before.mode()) && "RULES".equals(after.mode())) {
            Map<String, MatterType.MajorRule> rules = by(after.rules(), MatterType.MajorRule::code);
            for (MatterType.MajorRule r : before.rules()) {
                MatterType.MajorRule now = rules.get(r.code());
                if (now == null) {
                    found.add("删除了法制审核清单规则“" + r.label() + "”");
                } else if (!Objects.equals(new HashSet<>(r.all()), new HashSet<>(now.all()))) {
                    found.add("修改了法制审核清单规则“" + r.label() + "”的条件");
                }
            }
        }
        if (before.allowManual() && !after.allowManual()) {
            found.add("经办人不能再提请法制审核");
        }
    }

    private static void notice(MatterType.NoticeRule before, MatterType.NoticeRule after, List<String> found) {
        if (before == null || !"REQUIRED".equals(before.mode())) {
            return;
        }
        if (after == null || !"REQUIRED".equals(after.mode())) {
            found.add("公示不再是必经程序");
        } else if (before.period() != null && after.period() != null && shorter(before.period(), after.period())) {
            found.add("公示期由 " + before.period().text() + " 改为 " + after.period().text());
        } else if (!Objects.equals(before.profile(), after.profile())) {
            found.add("公示内容规则由 " + before.profile() + " 改为 " + after.profile());
        }
    }

    private static int rank(MatterType.ReviewRule r) {
        return r == null
                ? 0
                : switch (r.mode()) {
                    case "ALWAYS" -> 2;
                    case "RULES" -> 1;
                    default -> 0;
                };
    }

    private static String label(MatterType.ReviewRule r) {
        return switch (r == null ? "NEVER" : r.mode()) {
            case "ALWAYS" -> "一律审核";
            case "RULES" -> "按清单审核";
            default -> "不审核";
        };
    }

    /** A longer limit, or one taken from another parameter (which cannot be compared here). */
    private static boolean longer(MatterType.Limit before, MatterType.Limit after) {
        if (before == null || after == null) {
            return before != after;
        }
        if (before.parameter() != null || after.parameter() != null) {
            return !Objects.equals(before.parameter(), after.parameter());
        }
        return after.days() > before.days() || !Objects.equals(before.dayType(), after.dayType());
    }

    private static boolean shorter(MatterType.Limit before, MatterType.Limit after) {
        if (before.parameter() != null || after.parameter() != null) {
            return !Objects.equals(before.parameter(), after.parameter());
        }
        return after.days() < before.days() || !Objects.equals(before.dayType(), after.dayType());
    }

    private static <T> Map<String, T> by(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, x -> x, (a, b) -> a));
    }
}
