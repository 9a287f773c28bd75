package cn.minzheng.assistance.rules;

/**
 * Kinds of income as 《最低生活保障审核确认办法》第十三条 groups them: counted, not counted, or deducted.
 */
public enum IncomeKind {
    WAGE("工资性收入", Treatment.COUNTED),
    BUSINESS("经营净收入", Treatment.COUNTED),
    PROPERTY("财产净收入", Treatment.COUNTED),
    TRANSFER("转移净收入", Treatment.COUNTED),
    SUPPORT_FROM_RELATIVES("赡养费、扶养费、抚养费", Treatment.COUNTED),
    OTHER("其他收入", Treatment.COUNTED),
    PREFERENTIAL_PENSION("优待抚恤金", Treatment.EXCLUDED),
    FAMILY_PLANNING_AWARD("计划生育奖励与扶助金", Treatment.EXCLUDED),
    SCHOLARSHIP("奖学金", Treatment.EXCLUDED),
    GALLANTRY_AWARD("见义勇为等奖励性补助", Treatment.EXCLUDED),
    SOCIAL_ASSISTANCE("政府发放的各类社会救助款物", Treatment.EXCLUDED),
    BASIC_PENSION("城乡居民基本养老保险基础养老金", Treatment.EXCLUDED),
    EMPLOYMENT_COST("必要的就业成本", Treatment.DEDUCTED),
    RIGID_EXPENSE("因残疾、患重病等增加的刚性支出", Treatment.DEDUCTED);

    /** How the kind enters the household's income. */
    public enum Treatment {
        COUNTED,
        EXCLUDED,
        DEDUCTED
    }

    private final String label;
    private final Treatment treatment;

    IncomeKind(String label, Treatment treatment) {
        this.label = label;
        this.treatment = treatment;
    }

    public String label() {
        return label;
    }

    public Treatment treatment() {
        return treatment;
    }
}
