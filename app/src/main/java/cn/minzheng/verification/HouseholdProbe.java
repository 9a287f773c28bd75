package cn.minzheng.verification;

import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.resident.Residents;
import cn.minzheng.resident.VerificationIdentity;
import cn.minzheng.shared.Gender;
import cn.minzheng.shared.NotFound;
import cn.minzheng.verification.core.link.Probes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who of a household is compared: the members 《最低生活保障审核确认办法》第七条 counts (计入, and 须核实 — the 2022 通知
 * forbids leaving part of a household out), each of whom must have a valid 授权书 for the programme; otherwise nobody
 * is compared. Only then are the members' full numbers taken from the resident module, which logs each one.
 */
@Component
class HouseholdProbe {

    private final Residents residents;
    private final Authorisations authorisations;

    HouseholdProbe(Residents residents, Authorisations authorisations) {
        this.residents = residents;
        this.authorisations = authorisations;
    }

    /** One member of the household on the check date and what happens to them. */
    record Member(
            long residentId,
            String name,
            String relationship,
            HouseholdMembershipPolicy.Verdict verdict,
            boolean counted,
            boolean authorised,
            boolean withIdNumber) {}

    /** The household as it will be (or could not be) compared; {@code probe} is empty when refused. */
    record Plan(
            long householdId,
            String householdNo,
            String communityCode,
            String programme,
            List<Member> members,
            List<String> unauthorised,
            List<Probes.Member> probe) {

        boolean refused() {
            return !unauthorised.isEmpty();
        }

        List<Member> verified() {
            return members.stream().filter(Member::counted).toList();
        }
    }

    /** Must run inside a transaction (reads scoped tables, writes the access log). */
    Plan plan(long householdId, String programme, LocalDate day, String reference) {
        HouseholdView household = residents.household(householdId).orElseThrow(() -> new NotFound("家庭不存在，或不在您的数据范围内"));
        Map<Long, HouseholdMembershipPolicy.Decision> decisions =
                residents.membersForAssistance(householdId, day).stream()
                        .collect(Collectors.toMap(HouseholdMembershipPolicy.Decision::residentId, Function.identity()));
        Authorisations.Coverage coverage = authorisations.coverage(householdId, programme, day);
        List<Member> members = new ArrayList<>();
        for (Authorisations.MemberCoverage m : coverage.members()) {
            HouseholdMembershipPolicy.Decision decision = decisions.get(m.residentId());
            members.add(new Member(
                    m.residentId(),
                    m.name(),
                    decision == null ? null : decision.relationshipLabel(),
                    decision == null ? HouseholdMembershipPolicy.Verdict.NEEDS_REVIEW : decision.verdict(),
                    m.counted(),
                    m.authorised(),
                    false));
        }
        if (!coverage.complete()) {
            return new Plan(
                    householdId,
                    household.householdNo(),
                    household.communityCode(),
                    programme,
                    members,
                    coverage.missing(),
                    List.of());
        }
        List<Long> compared =
                members.stream().filter(Member::counted).map(Member::residentId).toList();
        Map<Long, VerificationIdentity> identities = residents.identitiesForVerification(compared, reference).stream()
                .collect(Collectors.toMap(VerificationIdentity::residentId, Function.identity()));
        List<Probes.Member> probe = new ArrayList<>();
        List<Member> withNumbers = new ArrayList<>();
        for (Member m : members) {
            VerificationIdentity identity = identities.get(m.residentId());
            boolean number = identity != null && identity.idNumber() != null;
            withNumbers.add(new Member(
                    m.residentId(), m.name(), m.relationship(), m.verdict(), m.counted(), m.authorised(), number));
            if (identity != null) {
                probe.add(new Probes.Member(
                        Long.toString(m.residentId()),
                        Long.toString(householdId),
                        identity.idNumber(),
                        identity.name(),
                        identity.gender() == null ? "" : identity.gender() == Gender.MALE ? "M" : "F",
                        identity.birthDate(),
                        m.relationship()));
            }
        }
        return new Plan(
                householdId,
                household.householdNo(),
                household.communityCode(),
                programme,
                withNumbers,
                List.of(),
                probe);
    }
}
