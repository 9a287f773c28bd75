package cn.minzheng.procedure;

import cn.minzheng.shared.Sm3;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** A decision (draft or issued) as stored; content columns are JSON text, hashed exactly as stored. */
record DecisionRow(
        long id,
        long caseId,
        int revision,
        String status,
        String outcome,
        boolean major,
        String majorReasons,
        long matterTypeVersionId,
        String ruleCode,
        String ruleVersion,
        String articles,
        String facts,
        String trace,
        String result,
        String reasons,
        String draftHash,
        String draftedBy,
        String draftedName,
        LocalDate draftedOn,
        Instant draftedAt,
        Instant submittedAt,
        String issuingUnit,
        String documentSeries,
        Integer documentYear,
        Integer documentSeq,
        String documentNumber,
        String documentTitle,
        String issuedBy,
        String issuedName,
        LocalDate issuedOn,
        Instant issuedAt,
        String documentSm3) {

    boolean live() {
        return status.equals("DRAFT") || status.equals("REVIEW_PENDING") || status.equals("REVIEW_PASSED");
    }

    /** Whether the stored content still has the hash it was drafted (and reviewed) with. */
    boolean contentIntact() {
        return hash(caseId, revision, outcome, major, majorReasons, articles, facts, trace, result, reasons)
                .equals(draftHash);
    }

    /**
     * SM3 over the length-prefixed content of a draft: what a legal review approves is exactly this content, and any
     * change (a new revision) needs a new review.
     */
    static String hash(
            long caseId,
            int revision,
            String outcome,
            boolean major,
            String majorReasons,
            String articles,
            String facts,
            String trace,
            String result,
            String reasons) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {
            Long.toString(caseId),
            Integer.toString(revision),
            outcome,
            Boolean.toString(major),
            majorReasons,
            articles,
            facts,
            trace,
            result,
            reasons
        }) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return Sm3.hex(out.toByteArray());
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "DRAFT" -> "草稿";
            case "REVIEW_PENDING" -> "待法制审核";
            case "REVIEW_PASSED" -> "法制审核通过";
            case "RETURNED" -> "法制审核退回";
            case "WITHDRAWN" -> "已被新稿替代";
            case "ISSUED" -> "已作出";
            default -> status;
        };
    }
}
