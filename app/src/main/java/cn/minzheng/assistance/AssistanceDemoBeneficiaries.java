package cn.minzheng.assistance;

import cn.minzheng.assistance.rules.CareGrade;
import cn.minzheng.platform.District;
import cn.minzheng.procedure.Parameters;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.Residents;
import cn.minzheng.verification.Authorisation;
import cn.minzheng.verification.Authorisations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The assistance demo's current beneficiaries: some 15 % of the households on 低保, elderly people living alone on
 * 特困 with their care subsidy — registered as 存量对象 with their paper decision's number, so that the monthly rolls
 * pay them — with the 授权书 they signed. A few households of 小寨路街道 are kept back for the cases at every stage.
 */
@Component
class AssistanceDemoBeneficiaries {

    private final LegacyBeneficiaries legacy;
    private final Parameters parameters;
    private final Authorisations authorisations;
    private final Residents residents;
    private final District district;
    private final AssistanceDemoCaseWork work;

    AssistanceDemoBeneficiaries(
            LegacyBeneficiaries legacy,
            Parameters parameters,
            Authorisations authorisations,
            Residents residents,
            District district,
            AssistanceDemoCaseWork work) {
        this.legacy = legacy;
        this.parameters = parameters;
        this.authorisations = authorisations;
        this.residents = residents;
        this.district = district;
        this.work = work;
    }

    /** The beneficiaries registered, the letters recorded, and the households kept back for the cases. */
    record Registered(List<AssistanceDemoHousehold> reserved, int beneficiaries, int letters) {}

    Registered register(List<AssistanceDemoHousehold> households, Random random, LocalDate today) {
        // amounts from the district's parameters, as a decision would have computed them
        long standard = fen("DIBAO_STD_URBAN", today);
        long tekunBasic = parameters
                .valueAsOf("TEKUN_BASIC_MULTIPLIER", district.code(), today)
                .value()
                .multiply(java.math.BigDecimal.valueOf(standard))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        List<AssistanceDemoHousehold> reserved = new ArrayList<>();
        List<LegacyBeneficiaries.Legacy> rows = new ArrayList<>();
        List<Signing> signings = new ArrayList<>();
        int serial = 0;
        for (AssistanceDemoHousehold h : households) {
            // the first community of 小寨路街道 is left to the verification demo, whose households' letters it arranges
            boolean caseStreet = (h.community().startsWith(district.code() + "001")
                            || h.community().startsWith(district.code() + "002"))
                    && !h.community().equals(district.code() + "001001");
            if (caseStreet && reserved.size() < 24 && random.nextInt(4) == 0) {
                reserved.add(h); // kept for the cases below
                continue;
            }
            LocalDate from = today.withDayOfMonth(1).minusMonths(2 + random.nextInt(22));
            LocalDate reviewed = today.minusDays(random.nextInt(360));
            if (reviewed.isBefore(from)) {
                reviewed = from;
            }
            int age = h.head().ageOn(today);
            if (h.members().size() == 1 && age >= 70 && random.nextInt(3) == 0) {
                CareGrade grade = CareGrade.values()[random.nextInt(3)];
                long care = fen(
                        switch (grade) {
                            case SELF_CARE -> "TEKUN_CARE_SELF_FEN";
                            case PARTIAL -> "TEKUN_CARE_PARTIAL_FEN";
                            case FULL -> "TEKUN_CARE_FULL_FEN";
                        },
                        today);
                rows.add(new LegacyBeneficiaries.Legacy(
                        CaseKind.TEKUN,
                        null,
                        h.head().id(),
                        1,
                        tekunBasic,
                        care,
                        grade,
                        from,
                        reviewed,
                        false,
                        "雁民特困〔" + from.getYear() + "〕" + (++serial) + "号（演示）"));
                signings.add(new Signing(h, "TEKUN", from));
            } else if (random.nextInt(100) < 15) {
                int members = h.members().size();
                // the gap method: the standard less a per-capita income of up to 60 % of it
                long perPerson = standard - standard * random.nextInt(61) / 100;
                rows.add(new LegacyBeneficiaries.Legacy(
                        CaseKind.DIBAO,
                        h.id(),
                        null,
                        members,
                        perPerson * members,
                        0,
                        null,
                        from,
                        reviewed,
                        random.nextInt(10) < 3,
                        "雁民低保〔" + from.getYear() + "〕" + (++serial) + "号（演示）"));
                signings.add(new Signing(h, "DIBAO", from));
            }
        }
        int registered = 0;
        for (int i = 0; i < rows.size(); i += 200) {
            List<LegacyBeneficiaries.Legacy> batch = rows.subList(i, Math.min(rows.size(), i + 200));
            registered += work.as("qu_jingban", () -> legacy.register(batch));
        }
        int letters = letters(signings, today);
        return new Registered(reserved, registered, letters);
    }

    /** A 存量 beneficiary's household and the programme its paper decision was for. */
    private record Signing(AssistanceDemoHousehold household, String programme, LocalDate from) {}

    /**
     * The 授权书 that the 存量对象 signed when they applied on paper (审核确认办法第九条), entered by their street as the
     * street's staff enter any letter: every member the household counts today, for the programme of the decision,
     * signed before the first month paid and valid while assisted (no end date). Without them the verification demo's
     * monthly re-verification could check none of them. The verification demo keeps its own household without a letter
     * (in 610113001001, chosen among households nobody has a letter for).
     */
    private int letters(List<Signing> signings, LocalDate today) {
        int recorded = 0;
        for (Signing s : signings) {
            String street = AssistanceDemoCaseWork.street(s.household().community());
            LocalDate signed = s.from().minusDays(20);
            List<Long> counted =
                    work
                            .as(
                                    street,
                                    () -> residents.membersForAssistance(
                                            s.household().id(), today))
                            .stream()
                            .filter(d -> d.verdict() != HouseholdMembershipPolicy.Verdict.EXCLUDED)
                            .map(HouseholdMembershipPolicy.Decision::residentId)
                            .toList();
            for (long member : counted) {
                work.as(
                        street,
                        () -> authorisations.record(new Authorisations.NewAuthorisation(
                                member,
                                Set.of(s.programme()),
                                Authorisation.Signer.SELF,
                                null,
                                signed,
                                null,
                                null,
                                null)));
                recorded++;
            }
        }
        return recorded;
    }

    private long fen(String code, LocalDate on) {
        return parameters.valueAsOf(code, district.code(), on).fen();
    }
}
