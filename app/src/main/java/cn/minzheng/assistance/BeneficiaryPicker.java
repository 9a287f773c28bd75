package cn.minzheng.assistance;

import cn.minzheng.resident.ResidentPicker;
import cn.minzheng.resident.ResidentSummary;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives assistance now, found as a clerk types (name, pinyin, ID last four): each person with the status in
 * force for them or their household — so that dynamic management never asks for a status or resident number.
 */
@Service
public class BeneficiaryPicker {

    private final ResidentPicker residents;
    private final JdbcClient jdbc;

    BeneficiaryPicker(ResidentPicker residents, JdbcClient jdbc) {
        this.residents = residents;
        this.jdbc = jdbc;
    }

    /** A person and the status (programme) they are covered by. */
    record Choice(
            long statusId,
            long residentId,
            String name,
            String programme,
            String householdNo,
            String communityCode,
            long monthlyAmountFen) {}

    @PreAuthorize("hasAnyRole('DEPARTMENT_OFFICER', 'STREET_OFFICER', 'COMMUNITY_WORKER')")
    @Transactional(readOnly = true)
    public List<Choice> find(String text) {
        List<Choice> choices = new ArrayList<>();
        for (ResidentSummary person : residents.people(text)) {
            jdbc.sql("""
                            select id, programme_code, monthly_amount_fen from assistance_status
                            where effective_to is null and programme_code is not null
                              and ((subject_type = 'PERSON' and subject_id = ?)
                                or (subject_type = 'HOUSEHOLD' and subject_id = ?))
                            order by id
                            """)
                    .params(person.id(), person.householdId() == null ? -1L : person.householdId())
                    .query(rs -> {
                        choices.add(new Choice(
                                rs.getLong("id"),
                                person.id(),
                                person.name(),
                                rs.getString("programme_code"),
                                person.householdNo(),
                                person.communityCode(),
                                rs.getLong("monthly_amount_fen")));
                    });
        }
        return choices;
    }
}
