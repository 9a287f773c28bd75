package cn.minzheng.verification;

import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.Residents;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives assistance today: the households of the statuses in effect on the day, as the
 * {@link BeneficiaryRegister} (the assistance module) tells them. A person's status (特困) counts for the household the
 * person lives in.
 */
@Component
class CurrentBeneficiaries {

    private final List<BeneficiaryRegister> registers;
    private final Residents residents;

    CurrentBeneficiaries(List<BeneficiaryRegister> registers, Residents residents) {
        this.registers = registers;
        this.residents = residents;
    }

    /** A household to re-verify and the programme its authorisation must cover. */
    record Beneficiary(long householdId, String programme) {}

    /** In the caller's scope (the batch runs at district scope), ordered by household. */
    @Transactional(readOnly = true)
    List<Beneficiary> on(LocalDate day) {
        List<RegisteredBeneficiary> statuses = registers.stream()
                .flatMap(register -> register.inEffectOn(day).stream())
                .toList();
        Map<Long, String> households = new LinkedHashMap<>();
        for (RegisteredBeneficiary status : statuses) {
            Long household = status.household()
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
