package cn.minzheng.audit;

/**
 * The result of walking the chain from the first entry: intact, or the first entry at which it breaks and why. The
 * head (last sequence number and hash) is what an external anchor is compared with to detect a cut-off tail.
 */
public record ChainVerification(
        boolean intact,
        long entriesChecked,
        Long firstBrokenSeq,
        String problem,
        long headSeq,
        String headHash,
        int anchorsChecked) {

    public ChainVerification(
            boolean intact, long entriesChecked, Long firstBrokenSeq, String problem, long headSeq, String headHash) {
        this(intact, entriesChecked, firstBrokenSeq, problem, headSeq, headHash, 0);
    }

    /**
     * The same after comparing the external anchors ({@link AuditAnchors}): a mismatch breaks the chain at the
     * anchored entry, unless the walk found an earlier break.
     */
    ChainVerification anchored(int anchors, Long brokenAt, String why, long goodUpTo) {
        if (why == null || (!intact && firstBrokenSeq != null && brokenAt != null && firstBrokenSeq <= brokenAt)) {
            return new ChainVerification(intact, entriesChecked, firstBrokenSeq, problem, headSeq, headHash, anchors);
        }
        return new ChainVerification(
                false, Math.min(entriesChecked, goodUpTo), brokenAt, why, headSeq, headHash, anchors);
    }

    public String summary() {
        if (intact) {
            return "审计链完整：已校验 " + entriesChecked + " 条记录，链头为第 " + headSeq + " 条（" + headHash + "）"
                    + (anchorsChecked > 0 ? "，与 " + anchorsChecked + " 个外部锚点相符" : "") + "。";
        }
        if (firstBrokenSeq == null || firstBrokenSeq == 0) {
            return "审计链无法确认：" + problem + "。";
        }
        return "审计链在第 " + firstBrokenSeq + " 条记录处断裂：" + problem + "（此前 " + entriesChecked + " 条记录完好）。";
    }
}
