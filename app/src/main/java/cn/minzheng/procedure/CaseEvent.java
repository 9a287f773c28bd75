package cn.minzheng.procedure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a case's timeline (执法全过程记录): what was done, by whom, on which day (the act) and when it was
 * recorded; {@code lateReason} explains an entry recorded after the day of the act (补录).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(
        long id,
        int seq,
        String kind,
        String kindLabel,
        String stepCode,
        String stepName,
        String fromState,
        String toState,
        LocalDate occurredOn,
        Instant recordedAt,
        String actor,
        String actorName,
        boolean handling,
        String note,
        String lateReason,
        Basis basis,
        String data) {

    /** Kinds of timeline entries, with their Chinese labels. */
    static String label(String kind) {
        return switch (kind) {
            case "OPENED" -> "登记";
            case "STEP" -> "办理步骤";
            case "SUSPEND" -> "中止（补正）";
            case "RESUME" -> "恢复计时";
            case "EXTENSION_REQUESTED" -> "申请延长期限";
            case "EXTENSION_APPROVED" -> "批准延长期限";
            case "EXTENSION_REFUSED" -> "不批准延长期限";
            case "TERMINATE" -> "终止";
            case "ATTACH" -> "附件";
            case "DECISION_DRAFTED" -> "起草决定";
            case "REVIEW_REQUESTED" -> "提请法制审核";
            case "REVIEWED" -> "法制审核";
            case "DECISION_ISSUED" -> "作出决定";
            case "NOTICE_PUBLISHED" -> "发布公示";
            case "NOTICE_ENDED" -> "公示期满撤下";
            case "NOTICE_WITHDRAWN" -> "撤回公示";
            case "OBJECTION" -> "收到异议";
            case "OBJECTION_RESOLVED" -> "异议处理";
            case "EVIDENCE_EXPORTED" -> "导出证据包";
            default -> kind;
        };
    }

    public boolean recordedLate() {
        return lateReason != null;
    }
}
