package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;

/** Why 特困人员救助供养 ends — the grounds of 《特困人员认定办法》第二十四条, and no others. */
public enum TekunEndGround {
    DEATH("死亡或者被宣告死亡、被宣告失踪", "第二十四条第（一）项"),
    REGAINED_CAPACITY("具备或者恢复劳动能力", "第二十四条第（二）项"),
    IMPRISONED("依法被判处刑罚，且在监狱服刑", "第二十四条第（三）项"),
    INCOME_OR_PROPERTY("收入和财产状况不再符合本办法第六条规定", "第二十四条第（四）项"),
    SUPPORTER_ABLE("法定义务人具有了履行义务能力或者新增具有履行义务能力的法定义务人", "第二十四条第（五）项"),
    VOLUNTARY("自愿申请退出救助供养", "第二十四条第（六）项");

    private final String label;
    private final String article;

    TekunEndGround(String label, String article) {
        this.label = label;
        this.article = article;
    }

    public String label() {
        return label;
    }

    /** 《特困人员认定办法》第二十四条第（N）项 */
    public String basis() {
        return "《特困人员认定办法》" + article;
    }

    /** The ground a form names, or null when none is named; an unknown one is refused in words. */
    public static TekunEndGround parse(String ground) {
        if (ground == null || ground.isBlank()) {
            return null;
        }
        try {
            return TekunEndGround.valueOf(ground);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("未知的终止情形：" + ground);
        }
    }
}
