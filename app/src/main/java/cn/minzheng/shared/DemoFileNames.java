package cn.minzheng.shared;

import java.util.Map;

/** What a clerk would call the scans the demo uploads: 申请书.pdf, not an internal code. */
public final class DemoFileNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("APPLICATION", "申请书"),
            Map.entry("PROMISE", "家庭经济状况承诺书"),
            Map.entry("AUTHORISATION", "核对授权书"),
            Map.entry("ID_DOCUMENTS", "户口簿和身份证复印件"),
            Map.entry("INCOME_PROOF", "收入证明"),
            Map.entry("EXPENSE_PROOF", "支出凭据"),
            Map.entry("INVESTIGATION_FORM", "入户调查表"),
            Map.entry("VERIFICATION_REPORT", "核对报告"),
            Map.entry("COUNTY_VISIT_RECORD", "入户核查记录"),
            Map.entry("SPOT_CHECK_RECORD", "抽查记录"),
            Map.entry("SITUATION_RECORD", "急难情况记录"),
            Map.entry("RECEIPT_SIGNED", "领款签收单"),
            Map.entry("DELIVERY_RECEIPT", "送达回证"),
            Map.entry("COORDINATION_MINUTES", "一事一议会议纪要"),
            Map.entry("CHANGE_PROOF", "变化情况证明"),
            Map.entry("FILING_FORM", "立案审批表"),
            Map.entry("EVIDENCE", "调查取证材料"),
            Map.entry("INFORM_NOTICE", "行政处罚告知书"),
            Map.entry("REQUEST", "政府信息公开申请表"));

    private DemoFileNames() {}

    public static String of(String kind) {
        return NAMES.getOrDefault(kind, "材料") + ".pdf";
    }
}
