package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Assessments;
import cn.minzheng.assistance.TekunEndGround;
import cn.minzheng.assistance.VerificationResults;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The smaller forms of an application's page, bound by Spring and brought back with their input when refused. */
final class ApplicationForms {

    private ApplicationForms() {}

    /** 计算并起草: the day, the reasons, and what the investigators concluded where the rule needs a person's answer. */
    public static class DraftForm implements java.io.Serializable {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate on;

        private String reasons;
        private String lateReason;
        private String eligible = "";
        private String finding;
        private Long refusingMemberId;
        private Integer graceMonths;
        private String stillEligible = "";

        static DraftForm today(LocalDate today) {
            DraftForm form = new DraftForm();
            form.on = today;
            return form;
        }

        Assessments.Options options() {
            return new Assessments.Options(
                    choice(eligible),
                    blank(finding),
                    refusingMemberId,
                    graceMonths,
                    choice(stillEligible),
                    TekunEndGround.parse(endGround));
        }

        /** 特困终止: which ground of termination (TekunEndGround), chosen on the draft form. */
        private String endGround;

        public String getEndGround() {
            return endGround;
        }

        public void setEndGround(String endGround) {
            this.endGround = endGround;
        }

        public LocalDate getOn() {
            return on;
        }

        public void setOn(LocalDate on) {
            this.on = on;
        }

        public String getReasons() {
            return reasons;
        }

        public void setReasons(String reasons) {
            this.reasons = reasons;
        }

        public String getLateReason() {
            return lateReason;
        }

        public void setLateReason(String lateReason) {
            this.lateReason = lateReason;
        }

        public String getEligible() {
            return eligible;
        }

        public void setEligible(String eligible) {
            this.eligible = eligible;
        }

        public String getFinding() {
            return finding;
        }

        public void setFinding(String finding) {
            this.finding = finding;
        }

        public Long getRefusingMemberId() {
            return refusingMemberId;
        }

        public void setRefusingMemberId(Long refusingMemberId) {
            this.refusingMemberId = refusingMemberId;
        }

        public Integer getGraceMonths() {
            return graceMonths;
        }

        public void setGraceMonths(Integer graceMonths) {
            this.graceMonths = graceMonths;
        }

        public String getStillEligible() {
            return stillEligible;
        }

        public void setStillEligible(String stillEligible) {
            this.stillEligible = stillEligible;
        }
    }

    /** 手工录入核对结果 (fallback when the verification system cannot check). */
    public static class ManualResultForm implements java.io.Serializable {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate checkedOn;

        private Integer personsChecked = 1;
        private Integer recordsCompared = 0;
        private Integer disqualifying = 0;
        private Integer needsExplanation = 0;
        private Integer information = 0;
        private String summary;

        static ManualResultForm today(LocalDate today) {
            ManualResultForm form = new ManualResultForm();
            form.checkedOn = today;
            return form;
        }

        VerificationResults.ManualResult result() {
            return new VerificationResults.ManualResult(
                    checkedOn,
                    n(personsChecked),
                    n(recordsCompared),
                    n(disqualifying),
                    n(needsExplanation),
                    n(information),
                    blank(summary));
        }

        public LocalDate getCheckedOn() {
            return checkedOn;
        }

        public void setCheckedOn(LocalDate checkedOn) {
            this.checkedOn = checkedOn;
        }

        public Integer getPersonsChecked() {
            return personsChecked;
        }

        public void setPersonsChecked(Integer personsChecked) {
            this.personsChecked = personsChecked;
        }

        public Integer getRecordsCompared() {
            return recordsCompared;
        }

        public void setRecordsCompared(Integer recordsCompared) {
            this.recordsCompared = recordsCompared;
        }

        public Integer getDisqualifying() {
            return disqualifying;
        }

        public void setDisqualifying(Integer disqualifying) {
            this.disqualifying = disqualifying;
        }

        public Integer getNeedsExplanation() {
            return needsExplanation;
        }

        public void setNeedsExplanation(Integer needsExplanation) {
            this.needsExplanation = needsExplanation;
        }

        public Integer getInformation() {
            return information;
        }

        public void setInformation(Integer information) {
            this.information = information;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }
    }

    /** 生活自理能力评估: the six activities, ticked when the person manages them alone. */
    public static class CareForm implements java.io.Serializable {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate assessedOn;

        private boolean eating;
        private boolean dressing;
        private boolean bed;
        private boolean toilet;
        private boolean walkingIndoors;
        private boolean bathing;
        private String assessor;

        static CareForm today(LocalDate today) {
            CareForm form = new CareForm();
            form.assessedOn = today;
            return form;
        }

        public LocalDate getAssessedOn() {
            return assessedOn;
        }

        public void setAssessedOn(LocalDate assessedOn) {
            this.assessedOn = assessedOn;
        }

        public boolean isEating() {
            return eating;
        }

        public void setEating(boolean eating) {
            this.eating = eating;
        }

        public boolean isDressing() {
            return dressing;
        }

        public void setDressing(boolean dressing) {
            this.dressing = dressing;
        }

        public boolean isBed() {
            return bed;
        }

        public void setBed(boolean bed) {
            this.bed = bed;
        }

        public boolean isToilet() {
            return toilet;
        }

        public void setToilet(boolean toilet) {
            this.toilet = toilet;
        }

        public boolean isWalkingIndoors() {
            return walkingIndoors;
        }

        public void setWalkingIndoors(boolean walkingIndoors) {
            this.walkingIndoors = walkingIndoors;
        }

        public boolean isBathing() {
            return bathing;
        }

        public void setBathing(boolean bathing) {
            this.bathing = bathing;
        }

        public String getAssessor() {
            return assessor;
        }

        public void setAssessor(String assessor) {
            this.assessor = assessor;
        }
    }

    static Boolean choice(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int n(Integer value) {
        return value == null ? 0 : value;
    }
}
