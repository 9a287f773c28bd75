package cn.minzheng.assistance.rules;

/** Citations used by the rules. Short names of the documents, article numbers as in the texts. */
public final class Articles {

    public static final String INTERIM_MEASURES = "《社会救助暂行办法》";
    public static final String DIBAO_MEASURES = "《最低生活保障审核确认办法》";
    public static final String TEKUN_MEASURES = "《特困人员认定办法》";
    public static final String RIGID_MEASURES = "《刚性支出困难家庭认定办法》";
    public static final String NOTICE_2022 = "民政部等《关于进一步做好最低生活保障等社会救助兜底保障工作的通知》（2022）";

    public static final String HOUSEHOLD_MEMBERS = DIBAO_MEASURES + "第七条";
    public static final String SINGLE_APPLICATION = DIBAO_MEASURES + "第八条";
    public static final String INCOME = DIBAO_MEASURES + "第十三条";
    public static final String PROPERTY = DIBAO_MEASURES + "第十四条";
    public static final String AMOUNT = DIBAO_MEASURES + "第二十三条；" + INTERIM_MEASURES + "第十二条";
    public static final String EXTRA_SUPPORT = DIBAO_MEASURES + "第二十七条";
    public static final String ELIGIBILITY = INTERIM_MEASURES + "第九条";
    public static final String REVIEW = DIBAO_MEASURES + "第三十一条";
    public static final String GRADUAL_EXIT = DIBAO_MEASURES + "第三十三条；" + NOTICE_2022 + "第一部分第（三）项";
    public static final String JOB_REFUSAL = DIBAO_MEASURES + "第三十四条；" + INTERIM_MEASURES + "第四十五条";
    public static final String TEKUN_CRITERIA = TEKUN_MEASURES + "第四条";
    public static final String TEKUN_NO_WORK_CAPACITY = TEKUN_MEASURES + "第五条";
    public static final String TEKUN_NO_INCOME = TEKUN_MEASURES + "第六条";
    public static final String TEKUN_NO_SUPPORTER = TEKUN_MEASURES + "第八条";
    public static final String TEKUN_CARE = TEKUN_MEASURES + "第二十条至第二十三条";
    public static final String DIBAO_EDGE = DIBAO_MEASURES + "第八条；" + NOTICE_2022 + "第一部分第（四）项";
    public static final String RIGID = RIGID_MEASURES + "第四条、第五条";
    public static final String TEMPORARY = INTERIM_MEASURES + "第四十七条至第四十九条";

    private Articles() {}
}
