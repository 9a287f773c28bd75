package cn.minzheng.procedure;

/**
 * What a legal reviewer checks before a major decision (重大执法决定法制审核; 国办发〔2018〕118号第四部分、行政处罚法第五十八条).
 * Every item is answered; the review passes only when every item is met.
 */
public enum ReviewChecklist {
    SUBJECT_LAWFUL("主体合法：执法主体合法，执法人员具备执法资格"),
    FACTS_CLEAR("事实清楚"),
    EVIDENCE_SUFFICIENT("证据确凿：证据合法、充分"),
    PROCEDURE_LAWFUL("程序合法：告知、陈述申辩、听证等程序完备"),
    BASIS_CORRECT("依据正确：适用法律、法规、规章准确"),
    DISCRETION_APPROPRIATE("裁量适当：符合裁量基准"),
    WITHIN_AUTHORITY("未超越法定权限"),
    DOCUMENTS_PROPER("执法文书完备、规范"),
    NO_CRIMINAL_TRANSFER("不涉嫌犯罪，无需移送司法机关");

    private final String label;

    ReviewChecklist(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
