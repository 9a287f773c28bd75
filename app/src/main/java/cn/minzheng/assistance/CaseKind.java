package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of assistance case, each run under its own matter type on the procedure kernel. */
public enum CaseKind {
    DIBAO("最低生活保障", "ASSIST_DIBAO", "DIBAO"),
    TEKUN("特困人员认定", "ASSIST_TEKUN", "TEKUN"),
    DIBAO_EDGE("低保边缘家庭认定", "ASSIST_EDGE", "DIBAO_EDGE"),
    RIGID_EXPENSE("刚性支出困难家庭认定", "ASSIST_RIGID", "RIGID_EXPENSE"),
    TEMPORARY("临时救助（支出型）", "ASSIST_TEMP", "OTHER_HARDSHIP"),
    TEMPORARY_URGENT("临时救助（急难型·先行救助）", "ASSIST_TEMP_URGENT", "OTHER_HARDSHIP"),
    CHANGE("动态管理（增发、减发、停发、渐退）", "ASSIST_CHANGE", null),
    /** 终止特困人员救助供养: with its 公示 and clock (特困人员认定办法第二十六条), never a plain stop. */
    TEKUN_END("终止特困人员救助供养", "ASSIST_TEKUN_END", null);

    /** 低保 confirmed by a street holding delegated authority (审核确认办法第二条、第二十二条). */
    static final String DIBAO_DELEGATED = "ASSIST_DIBAO_STREET";

    private final String label;
    private final String matterType;
    private final String category;

    CaseKind(String label, String matterType, String category) {
        this.label = label;
        this.matterType = matterType;
        this.category = category;
    }

    public String label() {
        return label;
    }

    public String matterType() {
        return matterType;
    }

    /** The low-income category (assistance_category) an approval puts the household or person in. */
    String category() {
        return category;
    }

    static boolean ours(String matterType) {
        return matterType != null && matterType.startsWith("ASSIST_");
    }

    static Optional<CaseKind> ofMatterType(String matterType) {
        if (DIBAO_DELEGATED.equals(matterType)) {
            return Optional.of(DIBAO);
        }
        return Arrays.stream(values())
                .filter(k -> k.matterType.equals(matterType))
                .findFirst();
    }

    /** Dynamic management of a status already held, opened from a review task (not an application at the window). */
    boolean review() {
        return this == CHANGE || this == TEKUN_END;
    }

    /** Whether the decision is made on a household's means (members, income, property). */
    boolean meansTested() {
        return this == DIBAO || this == DIBAO_EDGE || this == RIGID_EXPENSE || this == TEMPORARY;
    }

    /** The kind a form or a request names, or null when none is named; an unknown one is refused in words. */
    public static CaseKind parse(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return CaseKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("未知的申请事项：" + kind);
        }
    }
}
