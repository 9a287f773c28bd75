package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 家庭财产状况 (《最低生活保障审核确认办法》第十四条; limits set by the province or city, 《社会救助暂行办法》第十条). Each
 * finding is a flag for the caseworker's decision, never an automatic refusal: the 2022 notice forbids refusing on
 * occupation or identity alone and enrolling only some members.
 *
 * @param assetMonths per-capita financial assets may not exceed this many months of the 低保标准
 * @param exemptVehicles vehicle kinds that do not count (the disability mobility vehicle always; others by local rule)
 * @param maxResidential residential properties allowed
 */
public record HouseholdProperty(int assetMonths, Set<PropertyFacts.Vehicle> exemptVehicles, int maxResidential) {

    public record Finding(String what, String basis) {}

    public record Assessment(boolean withinRules, List<Finding> findings, Trace trace) {}

    public Assessment assess(PropertyFacts facts, Money standard, int members) {
        List<Finding> findings = new ArrayList<>();
        Trace trace = new Trace();
        Money limit = standard.times((long) assetMonths * members);
        trace.add("金融资产限额（" + assetMonths + " 个月低保标准 × " + members + " 人）", limit, Articles.PROPERTY);
        trace.add("金融资产", facts.financialAssets(), Articles.PROPERTY);
        if (facts.financialAssets().greaterThan(limit)) {
            findings.add(new Finding(
                    "家庭金融资产 " + facts.financialAssets().toYuanString() + " 元，超过限额 " + limit.toYuanString() + " 元（"
                            + assetMonths + " 个月低保标准 × " + members + " 人）",
                    Articles.PROPERTY));
        }
        for (PropertyFacts.Vehicle vehicle : facts.vehicles()) {
            boolean exempt = vehicle == PropertyFacts.Vehicle.DISABILITY_MOBILITY || exemptVehicles.contains(vehicle);
            trace.add("车辆：" + vehicle.label(), exempt ? "不计入" : "需说明", Articles.PROPERTY);
            if (!exempt) {
                findings.add(new Finding("拥有" + vehicle.label() + "（需说明是否为维持生产生活所必需）", Articles.PROPERTY));
            }
        }
        if (facts.residentialProperties() > maxResidential) {
            findings.add(new Finding(
                    "拥有住房 " + facts.residentialProperties() + " 套，超过允许的 " + maxResidential + " 套", Articles.PROPERTY));
        }
        if (facts.nonResidentialProperties() > 0) {
            findings.add(new Finding("拥有非居住类房产 " + facts.nonResidentialProperties() + " 处", Articles.PROPERTY));
        }
        if (facts.activeBusinessWithEmployees()) {
            findings.add(new Finding("有雇工的在营市场主体", Articles.PROPERTY));
        }
        if (facts.highConsumption()) {
            findings.add(new Finding("有高收费学校就读、出境等高消费情形（补充评估）", Articles.DIBAO_MEASURES + "第十七条"));
        }
        findings.forEach(f -> trace.add("需经办人员研判", f.what(), f.basis()));
        return new Assessment(findings.isEmpty(), List.copyOf(findings), trace);
    }
}
