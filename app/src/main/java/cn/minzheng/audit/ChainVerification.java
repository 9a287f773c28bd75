package cn.minzheng.audit;

/**
 * The result of walking the chain from the first entry: intact, or the first entry at which it breaks and why. The
 * head (last sequence number and hash) is what an external anchor is compared with to detect a cut-off tail.
 */
public record ChainVerification(
        boolean intact, long entriesChecked, Long firstBrokenSeq, String problem, long headSeq, String headHash) {

    public String summary() {
        if (intact) {
            return "审计链完整：已校验 " + entriesChecked + " 条记录，链头为第 " + headSeq + " 条（" + headHash + "）。";
        }
        return "审计链在第 " + firstBrokenSeq + " 条记录处断裂：" + problem + "（此前 " + entriesChecked + " 条记录完好）。";
    }
}
