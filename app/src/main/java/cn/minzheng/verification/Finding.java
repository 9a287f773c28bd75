package cn.minzheng.verification;

import java.util.List;

/** A finding as the engine produced it, with its review history, oldest first. */
public record Finding(
        long id,
        long requestId,
        long householdId,
        Long residentId,
        String communityCode,
        String ruleCode,
        String title,
        String severity,
        String sourceCode,
        String recordId,
        String tier,
        String evidence,
        String legalBasis,
        List<FindingReview> history) {

    public FindingState state() {
        if (history.isEmpty()) {
            return FindingState.UNREVIEWED;
        }
        FindingReview last = history.get(history.size() - 1);
        return switch (last.kind()) {
            case CLASSIFICATION ->
                dismissalNeedsConfirmation(last.outcome())
                        ? FindingState.AWAITING_CONFIRMATION
                        : FindingState.CLASSIFIED;
            case OBJECTION -> FindingState.OBJECTED;
            case RE_REVIEW -> FindingState.RE_REVIEWED;
            case CONFIRMATION -> FindingState.CLASSIFIED;
        };
    }

    /** A finding that would disqualify the household is dismissed only with evidence and a second person. */
    boolean dismissalNeedsConfirmation(FindingOutcome outcome) {
        return outcome == FindingOutcome.FALSE_POSITIVE && "DISQUALIFYING".equals(severity);
    }

    /** Counted in the case's result as reviewed: dismissed findings drop out, re-classified ones move. */
    String resolvedSeverity() {
        FindingOutcome outcome = outcome();
        FindingState state = state();
        if (outcome == null || state == FindingState.AWAITING_CONFIRMATION || state == FindingState.OBJECTED) {
            return severity;
        }
        return switch (outcome) {
            case FALSE_POSITIVE -> null;
            case NEEDS_EXPLANATION -> "NEEDS_EXPLANATION";
            case CONFIRMED -> severity;
        };
    }

    public String stateLabel() {
        return state().label();
    }

    /** The decision in force: the latest classification or re-review. */
    public FindingOutcome outcome() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).outcome() != null) {
                return history.get(i).outcome();
            }
        }
        return null;
    }

    public String outcomeLabel() {
        FindingOutcome outcome = outcome();
        return outcome == null ? "" : outcome.label();
    }

    public String severityLabel() {
        return Labels.severity(severity);
    }

    public String tierLabel() {
        return Labels.tier(tier);
    }

    /** The decision the pending objection is about, if any. */
    FindingReview objectedDecision() {
        FindingReview objection = history.get(history.size() - 1);
        return history.stream()
                .filter(e -> e.id() == objection.answers())
                .findFirst()
                .orElseThrow();
    }
}
