package cn.minzheng.assistance;

import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.ResidentSummary;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 就业: job referrals of a beneficiary household's members and whether they were refused; three refusals in a row
 * without good reason make a review task, which may reduce or stop that member's share (审核确认办法第三十四条).
 */
@Service
public class JobReferrals {

    private final JdbcClient jdbc;
    private final ReviewTasks tasks;
    private final Households households;
    private final StatusLedger ledger;
    private final Parameters parameters;
    private final Clock clock;

    JobReferrals(
            JdbcClient jdbc,
            ReviewTasks tasks,
            Households households,
            StatusLedger ledger,
            Parameters parameters,
            Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.households = households;
        this.ledger = ledger;
        this.parameters = parameters;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional
    public JobReferral recordReferral(
            long statusId, Long residentId, LocalDate referredOn, String job, boolean refused, String goodReason) {
        StatusLedger.Status status = ledger.find(statusId).orElseThrow(() -> new NotFound("救助状态不存在，或不在您的数据范围内"));
        if (status.effectiveTo() != null) {
            throw new BusinessRuleViolation("该救助已终止");
        }
        if (residentId == null) {
            throw new BusinessRuleViolation("请填写被介绍工作的家庭成员（居民编号）");
        }
        if (job == null || job.isBlank()) {
            throw new BusinessRuleViolation("请写明介绍的工作");
        }
        ResidentSummary member = households.person(residentId);
        if ("HOUSEHOLD".equals(status.subjectType())
                ? !java.util.Objects.equals(member.householdId(), status.subjectId())
                : member.id() != status.subjectId()) {
            throw new BusinessRuleViolation("被介绍工作的人须为该保障家庭的成员");
        }
        LocalDate day = referredOn == null ? LocalDate.now(clock) : referredOn;
        String reason = goodReason == null || goodReason.isBlank() ? null : goodReason.strip();
        long id = jdbc.sql("""
                        insert into assistance_job_referral (status_id, community_code, resident_id, member_name,
                            referred_on, job, refused, good_reason, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        status.id(),
                        status.communityCode(),
                        member.id(),
                        member.name(),
                        day,
                        job.strip(),
                        refused,
                        reason,
                        ReviewTasks.actor())
                .query(Long.class)
                .single();
        int limit = parameters
                .valueAsOf("JOB_REFUSAL_LIMIT", status.communityCode(), day)
                .whole();
        int inARow = consecutive(status.id(), member.id());
        if (refused && reason == null && inARow >= limit) {
            tasks.insert(
                    status,
                    "JOB_REFUSAL",
                    day.plusMonths(1),
                    member.name() + "连续 " + inARow + " 次无正当理由拒绝介绍的工作，可减发或停发其本人的保障金（审核确认办法第三十四条）",
                    member.id());
        }
        return new JobReferral(id, status.id(), member.id(), member.name(), day, job.strip(), refused, reason);
    }

    int consecutive(long statusId, long residentId) {
        List<Boolean> refusals =
                jdbc.sql("""
                        select refused and good_reason is null from assistance_job_referral
                        where status_id = ? and resident_id = ? order by referred_on desc, id desc
                        """).params(statusId, residentId).query(Boolean.class).list();
        int n = 0;
        for (boolean refusal : refusals) {
            if (!refusal) {
                break;
            }
            n++;
        }
        return n;
    }
}
