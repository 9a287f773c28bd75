package cn.minzheng.verification;

import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.Residents;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives assistance today: the households of the {@code assistance_status} rows in effect on the day, read
 * here, read-only. The assistance module listens to this module's {@link VerificationReportReady}, so this module
 * cannot call it back; the table is its published record of who is a beneficiary (domain spec §1.2), and nothing here
 * writes to it. A person's status (特困) counts for the household the person lives in.
 */
@Component
class CurrentBeneficiaries {

    private final JdbcClient jdbc;
    private final Residents residents;

    CurrentBeneficiaries(JdbcClient jdbc, Residents residents) {
        this.jdbc = jdbc;
        this.residents = residents;
    }

    /** A household to re-verify and the programme its authorisation must cover. */
    record Beneficiary(long householdId, String programme) {}

    /** In the caller's scope (the batch runs at district scope), ordered by household. */
    @Transactional(readOnly = true)
    List<Beneficiary> on(LocalDate day) {
        record Status(String subjectType, long subjectId, String programme) {}
        List<Status> statuses = jdbc.sql("""
                        select subject_type, subject_id, coalesce(programme_code, category_code) as programme
                        from assistance_status
                        where effective_from <= ? and (effective_to is null or effective_to > ?)
                        order by subject_type, subject_id, id
                        """)
                .params(day, day)
                .query((rs, n) -> new Status(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
        Map<Long, String> households = new LinkedHashMap<>();
        for (Status status : statuses) {
            Long household = status.subjectType().equals("HOUSEHOLD")
                    ? Long.valueOf(status.subjectId())
                    : residents
                            .householdOf(status.subjectId())
                            .map(HouseholdView::id)
                            .orElse(null);
            if (household != null) {
                households.putIfAbsent(household, status.programme());
            }
        }
        return households.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Beneficiary(e.getKey(), e.getValue()))
                .toList();
    }
}
