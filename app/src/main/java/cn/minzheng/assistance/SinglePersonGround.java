package cn.minzheng.assistance;

import cn.minzheng.shared.BusinessRuleViolation;

/**
 * Why a person may apply for 低保 alone (单人户) — the grounds the law lists, and no others:
 *
 * <ul>
 *   <li>《最低生活保障审核确认办法》第八条第一款第一项: a holder of a 残疾人证 of grade 1 or 2, or of grade 3 intellectual or
 *       mental disability, <em>in a 低保边缘 household</em>;
 *   <li>第二项: a person with a 重特大疾病 <em>in a 低保边缘 household</em>;
 *   <li>第三项: a member of the clergy in hardship who has lived apart from the family at a religious site for three
 *       years or more;
 *   <li>第四项: another person in special hardship that the county (or higher) civil affairs department names;
 *   <li>2022年《通知》第一部分第（一）项: an adult, unemployed, severely disabled person (参照“单人户”).
 * </ul>
 */
public enum SinglePersonGround {
    EDGE_SEVERE_DISABILITY("低保边缘家庭中的一级、二级重度残疾人或三级智力、精神残疾人", "《最低生活保障审核确认办法》第八条第一款第一项"),
    EDGE_SERIOUS_ILLNESS("低保边缘家庭中患重特大疾病的人员", "《最低生活保障审核确认办法》第八条第一款第二项"),
    CLERGY("脱离家庭、在宗教场所居住三年以上的生活困难的宗教教职人员", "《最低生活保障审核确认办法》第八条第一款第三项"),
    COUNTY_DESIGNATED("县级以上人民政府民政部门规定的其他特殊困难人员", "《最低生活保障审核确认办法》第八条第一款第四项"),
    ADULT_UNEMPLOYED_SEVERELY_DISABLED("成年无业重度残疾人", "民政部等《关于进一步做好最低生活保障等社会救助兜底保障工作的通知》（2022）第一部分第（一）项");

    private final String label;
    private final String basis;

    SinglePersonGround(String label, String basis) {
        this.label = label;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    public String basis() {
        return basis;
    }

    /** The ground a form names, or null when none is named; an unknown one is refused in words. */
    public static SinglePersonGround parse(String ground) {
        if (ground == null || ground.isBlank()) {
            return null;
        }
        try {
            return SinglePersonGround.valueOf(ground);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation("未知的单人户情形：" + ground);
        }
    }
}
