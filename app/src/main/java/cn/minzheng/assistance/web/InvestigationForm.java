package cn.minzheng.assistance;

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
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 入户调查表 as a clerk fills it in on the case page: who visited (the clerk and the others, at least two people), each
 * household member (counted or not, with the reason where the law leaves it to the investigators; able to work or not,
 * ticked by default for members of working age), incomes per member chosen from the household, property, and for
 * some programmes expenses, supporters or severity. Bound by Spring; a second visit starts from the last one.
 */
public class InvestigationForm implements java.io.Serializable {

    /** Blank income and supporter rows offered beyond those filled in (more can be added on the page). */
    static final int SPARE_ROWS = 2;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate visitedOn;

    private List<String> investigators = new ArrayList<>();
    private List<MemberRow> members = new ArrayList<>();
    private List<IncomeRow> incomes = new ArrayList<>();
    private String financialAssets;
    private List<String> vehicles = new ArrayList<>();
    private Integer residential = 1;
    private Integer nonResidential = 0;
    private boolean businessWithEmployees;
    private boolean highConsumption;
    private String propertyWithinRules = "";
    private String propertyJudgement;
    private boolean unstableIncome;
    private Map<String, String> expenses = new LinkedHashMap<>();
    private List<SupporterRow> supporters = new ArrayList<>();
    private String severity;
    private String note;
    private String lateReason;

    /** A member of the household as the form shows and returns them. */
    public static class MemberRow implements java.io.Serializable {
        private long residentId;
        private String name;
        private String verdict;
        private String verdictLabel;
        private boolean counted;
        private String reason;
        private boolean ableToWork;

        public long getResidentId() {
            return residentId;
        }

        public void setResidentId(long residentId) {
            this.residentId = residentId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getVerdict() {
            return verdict;
        }

        public void setVerdict(String verdict) {
            this.verdict = verdict;
        }

        public String getVerdictLabel() {
            return verdictLabel;
        }

        public void setVerdictLabel(String verdictLabel) {
            this.verdictLabel = verdictLabel;
        }

        public boolean isCounted() {
            return counted;
        }

        public void setCounted(boolean counted) {
            this.counted = counted;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public boolean isAbleToWork() {
            return ableToWork;
        }

        public void setAbleToWork(boolean ableToWork) {
            this.ableToWork = ableToWork;
        }

        public boolean needsReview() {
            return "NEEDS_REVIEW".equals(verdict);
        }
    }

    /** One monthly income of one member. */
    public static class IncomeRow implements java.io.Serializable {
        private String member;
        private String kind;
        private String yuan;
        private String note;

        public String getMember() {
            return member;
        }

        public void setMember(String member) {
            this.member = member;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getYuan() {
            return yuan;
        }

        public void setYuan(String yuan) {
            this.yuan = yuan;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        boolean blank() {
            return isBlank(kind) && isBlank(yuan);
        }
    }

    /** A person with a legal duty of support (特困人员认定办法第八条). */
    public static class SupporterRow implements java.io.Serializable {
        private String relation;
        private Integer age;
        private boolean tekun;
        private boolean dibao60;
        private boolean lowIncome;
        private boolean disabled;
        private boolean missing;

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation;
        }

        public Integer getAge() {
            return age;
        }

        public void setAge(Integer age) {
            this.age = age;
        }

        public boolean isTekun() {
            return tekun;
        }

        public void setTekun(boolean tekun) {
            this.tekun = tekun;
        }

        public boolean isDibao60() {
            return dibao60;
        }

        public void setDibao60(boolean dibao60) {
            this.dibao60 = dibao60;
        }

        public boolean isLowIncome() {
            return lowIncome;
        }

        public void setLowIncome(boolean lowIncome) {
            this.lowIncome = lowIncome;
        }

        public boolean isDisabled() {
            return disabled;
        }

        public void setDisabled(boolean disabled) {
            this.disabled = disabled;
        }

        public boolean isMissing() {
            return missing;
        }

        public void setMissing(boolean missing) {
            this.missing = missing;
        }
    }

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
            MemberRow row = new MemberRow();
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
            for (MemberRow row : form.members) {
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
                IncomeRow row = new IncomeRow();
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
                SupporterRow row = new SupporterRow();
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

    /** Blank rows to fill in, after those already filled. */
    InvestigationForm withSpareRows() {
        long blanks = incomes.stream().filter(IncomeRow::blank).count();
        while (incomes.size() < 3 || blanks < SPARE_ROWS) {
            incomes.add(new IncomeRow());
            blanks++;
        }
        while (supporters.size() < 2) {
            supporters.add(new SupporterRow());
        }
        return this;
    }

    /** What the investigation service records. Amounts typed in 元 become fen; a wrong amount names its row. */
    Investigations.NewInvestigation toInvestigation() {
        List<Investigation.Member> memberFacts = members.stream()
                .map(m ->
                        new Investigation.Member(m.residentId, m.name, m.counted, blankToNull(m.reason), m.ableToWork))
                .toList();
        List<Investigation.Income> incomeFacts = new ArrayList<>();
        for (int i = 0; i < incomes.size(); i++) {
            IncomeRow row = incomes.get(i);
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
            long amount = fen(kind.label(), expenses.get(kind.name()));
            if (amount > 0) {
                expenseFacts.add(new Investigation.Expense(kind.name(), amount));
            }
        }
        List<Investigation.Supporter> supporterFacts = supporters.stream()
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
                visitedOn,
                people(),
                memberFacts,
                incomeFacts,
                new Investigation.Property(
                        fen("金融资产合计", financialAssets),
                        vehicles.stream().filter(v -> !isBlank(v)).toList(),
                        residential == null ? 0 : residential,
                        nonResidential == null ? 0 : nonResidential,
                        businessWithEmployees,
                        highConsumption),
                isBlank(propertyWithinRules) ? null : Boolean.valueOf(propertyWithinRules),
                blankToNull(propertyJudgement),
                unstableIncome,
                expenseFacts,
                supporterFacts,
                blankToNull(severity),
                blankToNull(note));
    }

    /** The investigators named, each once. */
    List<String> people() {
        return investigators.stream()
                .filter(p -> !isBlank(p))
                .map(String::strip)
                .distinct()
                .toList();
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

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public void setVisitedOn(LocalDate visitedOn) {
        this.visitedOn = visitedOn;
    }

    public List<String> getInvestigators() {
        return investigators;
    }

    public void setInvestigators(List<String> investigators) {
        this.investigators = investigators == null ? new ArrayList<>() : investigators;
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public void setMembers(List<MemberRow> members) {
        this.members = members == null ? new ArrayList<>() : members;
    }

    public List<IncomeRow> getIncomes() {
        return incomes;
    }

    public void setIncomes(List<IncomeRow> incomes) {
        this.incomes = incomes == null ? new ArrayList<>() : incomes;
    }

    public String getFinancialAssets() {
        return financialAssets;
    }

    public void setFinancialAssets(String financialAssets) {
        this.financialAssets = financialAssets;
    }

    public List<String> getVehicles() {
        return vehicles;
    }

    public void setVehicles(List<String> vehicles) {
        this.vehicles = vehicles == null ? new ArrayList<>() : vehicles;
    }

    public Integer getResidential() {
        return residential;
    }

    public void setResidential(Integer residential) {
        this.residential = residential;
    }

    public Integer getNonResidential() {
        return nonResidential;
    }

    public void setNonResidential(Integer nonResidential) {
        this.nonResidential = nonResidential;
    }

    public boolean isBusinessWithEmployees() {
        return businessWithEmployees;
    }

    public void setBusinessWithEmployees(boolean businessWithEmployees) {
        this.businessWithEmployees = businessWithEmployees;
    }

    public boolean isHighConsumption() {
        return highConsumption;
    }

    public void setHighConsumption(boolean highConsumption) {
        this.highConsumption = highConsumption;
    }

    public String getPropertyWithinRules() {
        return propertyWithinRules;
    }

    public void setPropertyWithinRules(String propertyWithinRules) {
        this.propertyWithinRules = propertyWithinRules;
    }

    public String getPropertyJudgement() {
        return propertyJudgement;
    }

    public void setPropertyJudgement(String propertyJudgement) {
        this.propertyJudgement = propertyJudgement;
    }

    public boolean isUnstableIncome() {
        return unstableIncome;
    }

    public void setUnstableIncome(boolean unstableIncome) {
        this.unstableIncome = unstableIncome;
    }

    public Map<String, String> getExpenses() {
        return expenses;
    }

    public void setExpenses(Map<String, String> expenses) {
        this.expenses = expenses == null ? new LinkedHashMap<>() : expenses;
    }

    public List<SupporterRow> getSupporters() {
        return supporters;
    }

    public void setSupporters(List<SupporterRow> supporters) {
        this.supporters = supporters == null ? new ArrayList<>() : supporters;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getLateReason() {
        return lateReason;
    }

    public void setLateReason(String lateReason) {
        this.lateReason = lateReason;
    }
}
