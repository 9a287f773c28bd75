package cn.minzheng.assistance.web;

/** A member of the household as the form shows and returns them. */
public class InvestigationMemberRow implements java.io.Serializable {
    long residentId;
    String name;
    String verdict;
    String verdictLabel;
    boolean counted;
    String reason;
    boolean ableToWork;

    public long getResidentId() {
        return residentId;
    }

    public void setResidentId(long residentId) {
        this.residentId = residentId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public String getVerdictLabel() {
        return verdictLabel;
    }

    public void setVerdictLabel(String verdictLabel) {
        this.verdictLabel = verdictLabel;
    }

    public boolean isCounted() {
        return counted;
    }

    public void setCounted(boolean counted) {
        this.counted = counted;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isAbleToWork() {
        return ableToWork;
    }

    public void setAbleToWork(boolean ableToWork) {
        this.ableToWork = ableToWork;
    }

    public boolean needsReview() {
        return "NEEDS_REVIEW".equals(verdict);
    }
}
