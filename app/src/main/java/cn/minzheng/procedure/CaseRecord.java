package cn.minzheng.procedure;

import java.time.Instant;
import java.time.LocalDate;

/** A case as stored. */
record CaseRecord(
        long id,
        String caseNumber,
        long matterTypeVersionId,
        String matterTypeCode,
        String communityCode,
        String partyName,
        String partyKind,
        String subjectRef,
        String state,
        boolean suspended,
        int suspensions,
        LocalDate closedOn,
        String outcome,
        LocalDate receivedOn,
        LocalDate lastEventOn,
        String handler,
        String handlerName,
        String openedBy,
        Instant openedAt,
        String suspensionKind,
        LocalDate suspendedUntil) {

    boolean closed() {
        return closedOn != null;
    }

    String streetCode() {
        return communityCode.substring(0, 9);
    }
}
