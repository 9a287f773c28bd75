package cn.minzheng.procedure;

import cn.minzheng.platform.District;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The kernel's declarations in words, for the catalogue and case screens ({@code ${words.…}} in templates): an
 * article by title and number, a limit as days (a parameter by its value in force), an event as the step that makes it,
 * outcomes and review modes by name. No screen shows a declaration's codes.
 */
@Component("procedureWords")
public class ProcedureWords {

    private final LegalBasis legalBasis;
    private final Parameters parameters;
    private final District district;
    private final Clock clock;

    ProcedureWords(LegalBasis legalBasis, Parameters parameters, District district, Clock clock) {
        this.legalBasis = legalBasis;
        this.parameters = parameters;
        this.district = district;
        this.clock = clock;
    }

    /** 《最低生活保障审核确认办法》第十条, or "" when nothing is cited. */
    public String cite(Basis basis) {
        return basis == null ? "" : legalBasis.find(basis).map(Citation::text).orElse("");
    }

    public String cite(Collection<Basis> bases) {
        return bases == null
                ? ""
                : bases.stream().map(this::cite).filter(t -> !t.isEmpty()).collect(Collectors.joining("；"));
    }

    /** "30 个工作日"; a limit set by a parameter shows the value in force today for the district. */
    public String limit(MatterType.Limit limit) {
        if (limit == null) {
            return "";
        }
        if (limit.parameter() == null) {
            return limit.days() + " 个" + ("WORKING".equals(limit.dayType()) ? "工作日" : "自然日");
        }
        return parameters
                .find(limit.parameter(), district.code(), LocalDate.now(clock))
                .map(v -> v.value().stripTrailingZeros().toPlainString() + " 个"
                        + (v.dayType() == null ? "日" : v.dayType().label()) + "（参数登记表：" + v.name() + "）")
                .orElse("按参数登记表");
    }

    /** The event a clock starts or stops at: 登记, 中止, the step's name, or a step with its outcome. */
    public String event(MatterType type, String event) {
        if (event == null) {
            return "";
        }
        return switch (event) {
            case "OPENED" -> "登记";
            case "SUSPEND" -> "中止（补正）";
            case "RESUME" -> "恢复计时";
            default -> {
                String[] parts = event.split(":", 2);
                String step = type.step(parts[0]).map(MatterType.Step::name).orElse(parts[0]);
                yield parts.length == 1 ? step : step + "（" + outcome(type, parts[1]) + "）";
            }
        };
    }

    public String events(MatterType type, List<String> events) {
        return events.stream().map(e -> event(type, e)).collect(Collectors.joining("、"));
    }

    public String outcome(MatterType type, String code) {
        return type.decision() == null
                ? code
                : type.decision().outcome(code).map(MatterType.Outcome::name).orElse(code);
    }

    public String outcomes(MatterType type, List<String> codes) {
        return codes.stream().map(c -> outcome(type, c)).collect(Collectors.joining("、"));
    }

    public String reviewMode(String mode) {
        return switch (mode == null ? "NEVER" : mode) {
            case "ALWAYS" -> "一律须法制审核";
            case "RULES" -> "符合重大执法决定清单的须法制审核";
            default -> "不须法制审核";
        };
    }

    public String partyKinds(List<String> kinds) {
        return kinds.stream().map(k -> "PERSON".equals(k) ? "自然人" : "法人或其他组织").collect(Collectors.joining("、"));
    }

    public String noticeProfile(String profile) {
        try {
            return NoticeProfile.valueOf(profile).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "一般公示";
        }
    }

    /** Where a version came from: released with the platform, or declared on the screen or by the API. */
    public String versionSource(String source) {
        return source != null && source.startsWith("file:") ? "随系统发布" : "由业务科室声明发布";
    }
}
