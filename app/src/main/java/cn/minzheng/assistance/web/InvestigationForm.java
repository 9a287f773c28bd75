package cn.minzheng.assistance.web;

import cn.minzheng.assistance.Investigation;
import cn.minzheng.assistance.Investigations;
import cn.minzheng.resident.HouseholdMembershipPolicy;
import cn.minzheng.resident.HouseholdView;
import java.time.LocalDate;
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
    LocalDate visitedOn;

    List<String> investigators = new ArrayList<>();

    List<InvestigationMemberRow> members = new ArrayList<>();

    List<InvestigationIncomeRow> incomes = new ArrayList<>();

    String financialAssets;

    List<String> vehicles = new ArrayList<>();

    Integer residential = 1;

    Integer nonResidential = 0;

    boolean businessWithEmployees;

    boolean highConsumption;

    String propertyWithinRules = "";

    String propertyJudgement;

    boolean unstableIncome;

    Map<String, String> expenses = new LinkedHashMap<>();

    List<InvestigationSupporterRow> supporters = new ArrayList<>();

    String severity;

    String note;

    String lateReason;

    /** Blank rows to fill in, after those already filled. */
    InvestigationForm withSpareRows() {
        long blanks = incomes.stream().filter(InvestigationIncomeRow::blank).count();
        while (incomes.size() < 3 || blanks < SPARE_ROWS) {
            incomes.add(new InvestigationIncomeRow());
            blanks++;
        }
        while (supporters.size() < 2) {
            supporters.add(new InvestigationSupporterRow());
        }
        return this;
    }

    /** The investigators named, each once. */
    List<String> people() {
        return investigators.stream()
                .filter(p -> !InvestigationForms.isBlank(p))
                .map(String::strip)
                .distinct()
                .toList();
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

    public List<InvestigationMemberRow> getMembers() {
        return members;
    }

    public void setMembers(List<InvestigationMemberRow> members) {
        this.members = members == null ? new ArrayList<>() : members;
    }

    public List<InvestigationIncomeRow> getIncomes() {
        return incomes;
    }

    public void setIncomes(List<InvestigationIncomeRow> incomes) {
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

    public List<InvestigationSupporterRow> getSupporters() {
        return supporters;
    }

    public void setSupporters(List<InvestigationSupporterRow> supporters) {
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

    /** @see InvestigationForms#next */
    static InvestigationForm next(
            Investigation last,
            HouseholdView household,
            List<HouseholdMembershipPolicy.Decision> policy,
            String clerkName,
            LocalDate today) {
        return InvestigationForms.next(last, household, policy, clerkName, today);
    }

    /** What the investigation service records (see {@link InvestigationForms#toInvestigation}). */
    Investigations.NewInvestigation toInvestigation() {
        return InvestigationForms.toInvestigation(this);
    }
}
