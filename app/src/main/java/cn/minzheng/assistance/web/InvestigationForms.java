package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Investigation;
import cn.minzheng.assistance.Investigations;
import cn.minzheng.assistance.rules.RigidExpenseHardship;
import cn.minzheng.platform.Display;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.shared.Money;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The investigation form to and from the domain: the form for the next visit (from the last investigation, or the
 * household as the membership rule sees it), and what the investigation service records from a filled-in form —
 * amounts typed in 元 become fen, and a wrong amount or a row without its kind is refused naming its row.
 */
final class InvestigationForms {

    private InvestigationForms() {}

    /**
     * The form for the next visit: the last investigation as it was recorded, or — for a first visit — the household
     * as the membership rule sees it, the clerk as the first investigator, members of working age (16 to 59) ticked
     * as able to work.
     */
    static InvestigationForm next(
            Investigation last,
            HouseholdView household,
            List<HouseholdMembershipPolicy.Decision> policy,
            String clerkName,
            LocalDate today) {
        InvestigationForm form = new InvestigationForm();
        form.visitedOn = today;
        form.investigators.add(clerkName);
        Map<Long, LocalDate> births = new LinkedHashMap<>();
        if (household != null) {
            household
                    .members()
                    .forEach(m -> births.put(m.resident().id(), m.resident().birthDate()));
        }
        for (HouseholdMembershipPolicy.Decision d : policy) {
            InvestigationMemberRow row = new InvestigationMemberRow();
            row.residentId = d.residentId();
            row.name = d.name();
            row.verdict = d.verdict().name();
            row.verdictLabel = d.verdictLabel();
            row.counted = d.verdict() != HouseholdMembershipPolicy.Verdict.EXCLUDED;
            LocalDate born = births.get(d.residentId());
            int age = born == null ? 30 : Period.between(born, today).getYears();
            row.ableToWork = age >= 16 && age < 60;
            form.members.add(row);
        }
        if (last != null) {
            form.investigators = new ArrayList<>(last.investigators());
            for (InvestigationMemberRow row : form.members) {
                last.members().stream()
                        .filter(m -> m.residentId() == row.residentId)
                        .findFirst()
                        .ifPresent(m -> {
                            row.counted = m.counted();
                            row.reason = m.reason();
                            row.ableToWork = m.ableToWork();
                        });
            }
            for (Investigation.Income i : last.incomes()) {
                InvestigationIncomeRow row = new InvestigationIncomeRow();
                row.member = i.memberName();
                row.kind = i.kind();
                row.yuan = Display.amount(i.monthlyFen()).replace(",", "");
                row.note = i.note();
                form.incomes.add(row);
            }
            Investigation.Property p = last.property();
            form.financialAssets = p.financialAssetsFen() == 0
                    ? null
                    : Display.amount(p.financialAssetsFen()).replace(",", "");
            form.vehicles = new ArrayList<>(p.vehicles());
            form.residential = p.residential();
            form.nonResidential = p.nonResidential();
            form.businessWithEmployees = p.businessWithEmployees();
            form.highConsumption = p.highConsumption();
            form.propertyJudgement = last.propertyJudgement();
            form.propertyWithinRules =
                    last.propertyJudgement() == null ? "" : Boolean.toString(last.propertyWithinRules());
            form.unstableIncome = last.unstableIncome();
            last.expenses()
                    .forEach(e -> form.expenses.put(
                            e.kind(), Display.amount(e.amountFen()).replace(",", "")));
            for (Investigation.Supporter s : last.supporters()) {
                InvestigationSupporterRow row = new InvestigationSupporterRow();
                row.relation = s.relation();
                row.age = s.age();
                row.tekun = s.tekun();
                row.dibao60 = s.dibaoAged60();
                row.lowIncome = s.lowIncomeAndAssets();
                row.disabled = s.severelyDisabled();
                row.missing = s.noCapacityMissingImprisoned();
                form.supporters.add(row);
            }
            form.severity = last.severity();
            form.note = last.note();
            form.visitedOn = today;
        }
        form.withSpareRows();
        return form;
    }

    /** What the investigation service records. Amounts typed in 元 become fen; a wrong amount names its row. */
    static Investigations.NewInvestigation toInvestigation(InvestigationForm form) {
        List<Investigation.Member> memberFacts = form.members.stream()
                .map(m ->
                        new Investigation.Member(m.residentId, m.name, m.counted, blankToNull(m.reason), m.ableToWork))
                .toList();
        List<Investigation.Income> incomeFacts = new ArrayList<>();
        for (int i = 0; i < form.incomes.size(); i++) {
            InvestigationIncomeRow row = form.incomes.get(i);
            if (row.blank()) {
                continue;
            }
            if (isBlank(row.kind)) {
                throw new BusinessRuleViolation("收入第 " + (i + 1) + " 行：请选择收入类别");
            }
            incomeFacts.add(new Investigation.Income(
                    blankToNull(row.member),
                    row.kind,
                    fen("收入第 " + (i + 1) + " 行的金额", row.yuan),
                    blankToNull(row.note)));
        }
        List<Investigation.Expense> expenseFacts = new ArrayList<>();
        for (RigidExpenseHardship.Expense kind : RigidExpenseHardship.Expense.values()) {
            long amount = fen(kind.label(), form.expenses.get(kind.name()));
            if (amount > 0) {
                expenseFacts.add(new Investigation.Expense(kind.name(), amount));
            }
        }
        List<Investigation.Supporter> supporterFacts = form.supporters.stream()
                .filter(s -> !isBlank(s.relation))
                .map(s -> new Investigation.Supporter(
                        s.relation.strip(),
                        s.age == null ? 0 : s.age,
                        s.tekun,
                        s.dibao60,
                        s.lowIncome,
                        s.disabled,
                        s.missing))
                .toList();
        return new Investigations.NewInvestigation(
                form.visitedOn,
                form.people(),
                memberFacts,
                incomeFacts,
                new Investigation.Property(
                        fen("金融资产合计", form.financialAssets),
                        form.vehicles.stream().filter(v -> !isBlank(v)).toList(),
                        form.residential == null ? 0 : form.residential,
                        form.nonResidential == null ? 0 : form.nonResidential,
                        form.businessWithEmployees,
                        form.highConsumption),
                isBlank(form.propertyWithinRules) ? null : Boolean.valueOf(form.propertyWithinRules),
                blankToNull(form.propertyJudgement),
                form.unstableIncome,
                expenseFacts,
                supporterFacts,
                blankToNull(form.severity),
                blankToNull(form.note));
    }

    private static long fen(String what, String yuan) {
        if (isBlank(yuan)) {
            return 0;
        }
        try {
            Money money = Money.parse(yuan);
            if (money.isNegative()) {
                throw new BusinessRuleViolation(what + "不能为负数");
            }
            return money.fen();
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation(what + "：" + e.getMessage());
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
