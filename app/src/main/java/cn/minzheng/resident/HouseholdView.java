package cn.minzheng.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A household with its current and former members and its history. */
public record HouseholdView(
        long id,
        String householdNo,
        String communityCode,
        Long headId,
        LocalDate formedOn,
        Instant createdAt,
        List<Member> members,
        List<Member> formerMembers,
        List<Event> events) {

    public record Member(
            ResidentSummary resident,
            Relationship relationship,
            LocalDate joinedOn,
            JoinReason joinedReason,
            LocalDate leftOn,
            LeaveReason leftReason) {

        public String relationshipLabel() {
            return relationship.label();
        }

        public String joinedReasonLabel() {
            return joinedReason.label();
        }

        public String leftReasonLabel() {
            return leftReason == null ? null : leftReason.label();
        }
    }

    public record Event(
            long id,
            HouseholdEventKind kind,
            Long residentId,
            String residentName,
            LocalDate occurredOn,
            String note,
            Instant recordedAt,
            String recordedBy) {

        public String kindLabel() {
            return kind.label();
        }
    }

    /** A household whose head has died or left needs a new head before most business can be done with it. */
    public boolean headMissing() {
        return members.stream().noneMatch(m -> m.relationship() == Relationship.HEAD);
    }

    public int size() {
        return members.size();
    }
}
