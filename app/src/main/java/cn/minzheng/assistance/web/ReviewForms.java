package cn.minzheng.assistance.web;

import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the 动态管理 page, bound by Spring and brought back with their input (and the person chosen) when refused. */
final class ReviewForms {

    private ReviewForms() {}

    /** 登记就业介绍: the member chosen among the beneficiaries, the job, and whether it was refused without good reason. */
    public static class ReferralForm implements Serializable {
        private Long statusId;
        private Long residentId;
        private String chosen;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate referredOn;

        private String job;
        private boolean refused;
        private String goodReason;

        static ReferralForm today(LocalDate today) {
            ReferralForm form = new ReferralForm();
            form.referredOn = today;
            return form;
        }

        public Long getStatusId() {
            return statusId;
        }

        public void setStatusId(Long statusId) {
            this.statusId = statusId;
        }

        public Long getResidentId() {
            return residentId;
        }

        public void setResidentId(Long residentId) {
            this.residentId = residentId;
        }

        public String getChosen() {
            return chosen;
        }

        public void setChosen(String chosen) {
            this.chosen = chosen;
        }

        public LocalDate getReferredOn() {
            return referredOn;
        }

        public void setReferredOn(LocalDate referredOn) {
            this.referredOn = referredOn;
        }

        public String getJob() {
            return job;
        }

        public void setJob(String job) {
            this.job = job;
        }

        public boolean isRefused() {
            return refused;
        }

        public void setRefused(boolean refused) {
            this.refused = refused;
        }

        public String getGoodReason() {
            return goodReason;
        }

        public void setGoodReason(String goodReason) {
            this.goodReason = goodReason;
        }
    }

    /** 登记报告的变化: the beneficiary chosen, what changed, and by when it is to be reviewed. */
    public static class ChangeReportForm implements Serializable {
        private Long statusId;
        private String chosen;
        private String reason;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueOn;

        static ChangeReportForm of(Long statusId) {
            ChangeReportForm form = new ChangeReportForm();
            if (statusId != null) {
                form.statusId = statusId;
                form.chosen = "从救助情况进入时选定的救助对象";
            }
            return form;
        }

        public Long getStatusId() {
            return statusId;
        }

        public void setStatusId(Long statusId) {
            this.statusId = statusId;
        }

        public String getChosen() {
            return chosen;
        }

        public void setChosen(String chosen) {
            this.chosen = chosen;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public LocalDate getDueOn() {
            return dueOn;
        }

        public void setDueOn(LocalDate dueOn) {
            this.dueOn = dueOn;
        }
    }
}
