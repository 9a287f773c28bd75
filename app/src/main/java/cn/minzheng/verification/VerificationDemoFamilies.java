package cn.minzheng.verification;

import cn.minzheng.resident.DemoResidentLookups;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.Residents;
import cn.minzheng.resident.VerificationIdentity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The six households of the verification demo and their 授权书: the first households of the community whose counted
 * members all have an identity number, the sixth one nobody has a letter for (it is refused for a member who has not
 * signed).
 */
@Component
class VerificationDemoFamilies {

    private static final String PURPOSE = "演示数据：生成核对演示数据";

    private final Residents residents;
    private final DemoResidentLookups lookups;
    private final Authorisations authorisations;
    private final TransactionTemplate transactions;

    VerificationDemoFamilies(
            Residents residents,
            DemoResidentLookups lookups,
            Authorisations authorisations,
            TransactionTemplate transactions) {
        this.residents = residents;
        this.lookups = lookups;
        this.authorisations = authorisations;
        this.transactions = transactions;
    }

    /** The first households of the community whose counted members all have an identity number. */
    List<VerificationDemoFamily> families(String community, LocalDate today) {
        // the demo reads the household ids it generated; people are then read through the resident module
        List<Long> ids = transactions.execute(status -> lookups.householdsOf(community, 40));
        List<VerificationDemoFamily> families = new ArrayList<>();
        for (long id : ids) {
            if (families.size() == 6) {
                break;
            }
            List<Long> counted = residents.membersForAssistance(id, today).stream()
                    .filter(m -> m.verdict() != HouseholdMembershipPolicy.Verdict.EXCLUDED)
                    .map(HouseholdMembershipPolicy.Decision::residentId)
                    .toList();
            if (counted.size() < 2 || counted.size() > 5) {
                continue;
            }
            // the sixth is the household refused for a missing letter: one that nobody has a letter for yet (the
            // assistance demo's 存量对象 have theirs)
            if (families.size() == 5
                    && counted.stream()
                            .anyMatch(r -> !authorisations.ofResident(r).isEmpty())) {
                continue;
            }
            List<VerificationIdentity> people = residents.identitiesForVerification(counted, PURPOSE);
            if (people.stream().anyMatch(p -> p.idNumber() == null)) {
                continue;
            }
            String number =
                    residents.household(id).map(HouseholdView::householdNo).orElse("");
            families.add(new VerificationDemoFamily(id, number, people));
        }
        return families;
    }

    void letters(List<VerificationDemoFamily> families, LocalDate today) {
        for (int i = 0; i < families.size(); i++) {
            List<VerificationIdentity> members = families.get(i).members();
            // the sixth household: one member has not signed yet
            int signers = i == 5 ? members.size() - 1 : members.size();
            for (VerificationIdentity m : members.subList(0, signers)) {
                authorisations.record(new Authorisations.NewAuthorisation(
                        m.residentId(),
                        Set.of(Authorisation.ALL),
                        Authorisation.Signer.SELF,
                        null,
                        today.minusDays(20),
                        null,
                        null,
                        null));
            }
        }
    }
}
