package cn.minzheng.assistance;

import cn.minzheng.verification.BeneficiaryRegister;
import cn.minzheng.verification.RegisteredBeneficiary;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the verification module who receives assistance on a day: the statuses in effect then (this module's record
 * of its beneficiaries, domain spec §1.2), for its monthly re-verification. Read in the caller's scope.
 */
@Component
class BeneficiaryStatuses implements BeneficiaryRegister {

    private final JdbcClient jdbc;

    BeneficiaryStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RegisteredBeneficiary> inEffectOn(LocalDate day) {
        return jdbc.sql("""
                        select subject_type, subject_id, coalesce(programme_code, category_code) as programme
                        from assistance_status
                        where effective_from <= ? and (effective_to is null or effective_to > ?)
                        order by subject_type, subject_id, id
                        """)
                .params(day, day)
                .query((rs, n) ->
                        new RegisteredBeneficiary(rs.getString(1).equals("HOUSEHOLD"), rs.getLong(2), rs.getString(3)))
                .list();
    }
}
