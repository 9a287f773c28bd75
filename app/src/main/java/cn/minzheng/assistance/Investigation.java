package cn.minzheng.assistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 入户调查: who visited (at least two investigators, 审核确认办法第十六条), which household members count (第七条, with
 * the caseworker's answer for those the policy leaves to be checked), their income (第十三条), the household's property
 * (第十四条) and the caseworker's judgement on the property findings — findings are flags for a person to weigh, never
 * automatic refusals (2022 通知).
 */
public record Investigation(
        long id,
        long applicationId,
        LocalDate visitedOn,
        List<String> investigators,
        List<Member> members,
        List<Income> incomes,
        Property property,
        boolean propertyWithinRules,
        String propertyJudgement,
        boolean unstableIncome,
        List<Expense> expenses,
        List<Supporter> supporters,
        String severity,
        String note,
        String recordedBy,
        Instant recordedAt) {

    public record Member(long residentId, String name, boolean counted, String reason, boolean ableToWork) {}

    public record Income(String memberName, String kind, long monthlyFen, String note) {}

    public record Property(
            long financialAssetsFen,
            List<String> vehicles,
            int residential,
            int nonResidential,
            boolean businessWithEmployees,
            boolean highConsumption) {

        public static Property none() {
            return new Property(0, List.of(), 0, 0, false, false);
        }
    }

    public record Expense(String kind, long amountFen) {}

    /** A person with a legal duty of support (特困人员认定办法第八条). */
    public record Supporter(
            String relation,
            int age,
            boolean tekun,
            boolean dibaoAged60,
            boolean lowIncomeAndAssets,
            boolean severelyDisabled,
            boolean noCapacityMissingImprisoned) {}

    public int countedMembers() {
        return (int) members.stream().filter(Member::counted).count();
    }
}
