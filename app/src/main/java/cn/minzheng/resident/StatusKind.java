package cn.minzheng.resident;

import java.util.List;

/**
 * Effective-dated circumstances of a person that the bureau's rules ask about. Some carry a category, a grade or a
 * level; the others are simply true over a period.
 */
public enum StatusKind {
    /** 残疾: category (GB/T 26341) and grade 1–4, as on the 残疾人证. */
    DISABILITY("残疾", List.of("视力", "听力", "言语", "肢体", "智力", "精神", "多重"), true, List.of()),
    /** 重特大疾病 (低保 单独施保, 刚性支出). */
    SERIOUS_ILLNESS("重特大疾病", List.of(), false, List.of()),
    /** 生活自理能力 (特困供养, 养老服务). */
    SELF_CARE("生活自理能力", List.of(), false, List.of("完全自理", "基本自理", "部分失能", "完全失能")),
    /** 全日制在校 (审核确认办法 第七条第一款第三项: 本科及以下 counts as not independent). */
    FULL_TIME_STUDENT("全日制在校", List.of(), false, List.of("学前", "小学", "初中", "高中", "中职", "专科", "本科", "研究生")),
    /** 在监狱服刑 (第七条第二款第二项). */
    IMPRISONED("在监狱服刑", List.of(), false, List.of()),
    /** 强制隔离戒毒 (第七条第二款第二项). */
    COMPULSORY_DRUG_REHABILITATION("强制隔离戒毒", List.of(), false, List.of()),
    /** 宣告失踪 (第七条第二款第二项). */
    DECLARED_MISSING("宣告失踪", List.of(), false, List.of()),
    /** 宗教教职人员脱离家庭独立生活 (第七条第二款第一项: 连续三年以上). */
    CLERGY_LIVING_APART("宗教教职人员脱离家庭独立生活", List.of(), false, List.of()),
    /** 未与家庭共同居住 (第七条第一款第四项 requires living together long-term). */
    LIVING_APART("未与家庭长期共同居住", List.of(), false, List.of()),
    /** 登记失业. */
    REGISTERED_UNEMPLOYED("登记失业", List.of(), false, List.of()),
    /** 独居 (特殊困难老年人探访关爱). */
    LIVING_ALONE("独居", List.of(), false, List.of()),
    /** 现役军人 (优待; 不计入共同生活成员的地方规定). */
    MILITARY_SERVICE("服现役", List.of(), false, List.of());

    private final String label;
    private final List<String> categories;
    private final boolean graded;
    private final List<String> levels;

    StatusKind(String label, List<String> categories, boolean graded, List<String> levels) {
        this.label = label;
        this.categories = categories;
        this.graded = graded;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    public List<String> categories() {
        return categories;
    }

    public boolean graded() {
        return graded;
    }

    public List<String> levels() {
        return levels;
    }
}
