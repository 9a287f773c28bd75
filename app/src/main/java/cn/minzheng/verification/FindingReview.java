package cn.minzheng.verification;

import java.time.Instant;
import java.util.List;

/** One step in a finding's review, with its evidence; every step is a new row and stays as it was. */
record FindingReview(
        long id,
        FindingReviewKind kind,
        FindingOutcome outcome,
        String reason,
        Long answers,
        String decidedBy,
        Instant decidedAt,
        List<FindingEvidence> evidence) {

    public String kindLabel() {
        return kind.label();
    }

    public String outcomeLabel() {
        return outcome == null ? "" : outcome.label();
    }
}
