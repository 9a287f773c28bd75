package cn.minzheng.assistance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assistance application: one case on the procedure kernel, for a household (or one person: 特困, single-person
 * 低保), with how it came in, whether it is on the separate register for relatives of assistance staff and community
 * cadres (单独登记备案), and the kernel's state mirrored here. A single-person 低保 application (单人户) names the legal
 * ground it was taken on.
 */
public record Application(
        long id,
        long caseId,
        String caseNumber,
        String matterType,
        CaseKind kind,
        Long householdId,
        Long personId,
        boolean singlePerson,
        String communityCode,
        String applicantName,
        String channel,
        Long portalId,
        boolean relativesRegister,
        String relativesNote,
        boolean delegated,
        Long statusId,
        Long reviewTaskId,
        boolean childWelfare,
        String state,
        String outcome,
        LocalDate closedOn,
        LocalDate receivedOn,
        String createdBy,
        Instant createdAt,
        SinglePersonGround singleGround) {

    public String kindLabel() {
        return kind.label();
    }

    public String channelLabel() {
        return switch (channel) {
            case "PORTAL" -> "网上申请";
            case "REVIEW" -> "动态管理立案";
            default -> "街道窗口";
        };
    }

    public String stateLabel() {
        return Investigations.stateLabel(state);
    }

    public String outcomeLabel() {
        if (outcome == null) {
            return "—";
        }
        return switch (outcome) {
            case "APPROVE" -> "予以救助/认定";
            case "REJECT" -> "不予救助/认定";
            case "KEEP" -> "维持";
            case "INCREASE" -> "增发";
            case "REDUCE" -> "减发";
            case "STOP" -> "停发";
            case "GRADUAL_EXIT" -> "渐退";
            default -> outcome;
        };
    }

    /** The kernel's subject reference for this application's case. */
    String subjectRef() {
        return householdId != null && !singlePerson ? "household:" + householdId : "person:" + personId;
    }
}
