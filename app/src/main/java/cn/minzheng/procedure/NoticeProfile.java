package cn.minzheng.procedure;

import java.util.List;

/**
 * What a public notice may show, as the law says for each kind of matter — a named policy per profile. The notice is
 * built only from the fields its profile lists; everything else about the case stays out. A natural person's name is
 * shown in full only where the law requires publication of the name (低保/特困 公示); elsewhere it is masked.
 */
public enum NoticeProfile {
    /**
     * 最低生活保障: 申请人姓名、家庭成员数量、保障金额, and nothing unrelated to the allowance (最低生活保障审核确认办法第十九条、
     * 第二十四条).
     */
    DIBAO(
            "低保公示（姓名、家庭人数、金额）",
            new Basis("DIBAO_SHQR", "24"),
            List.of(NoticeField.NAME, NoticeField.HOUSEHOLD_SIZE, NoticeField.AMOUNT)),
    /** 特困人员: 姓名 and the proposed result (特困人员认定办法第十五条、第十七条). */
    TEKUN("特困公示（姓名、拟认定结果）", new Basis("TEKUN_RDBF", "15"), List.of(NoticeField.NAME, NoticeField.RESULT)),
    /**
     * 行政执法决定公开: the party (a natural person's name masked, an organisation's in full), the decision's number
     * and result (行政处罚法第四十八条；国办发〔2018〕118号).
     */
    ENFORCEMENT(
            "执法决定公开（自然人姓名脱敏）",
            new Basis("XZCF_FA", "48"),
            List.of(NoticeField.PARTY_MASKED, NoticeField.DOCUMENT_NUMBER, NoticeField.RESULT, NoticeField.AMOUNT)),
    /** Any other matter: the masked party and the result only. */
    GENERAL("一般公示（当事人脱敏、结果）", null, List.of(NoticeField.PARTY_MASKED, NoticeField.RESULT));

    /** A field a notice may carry. */
    public enum NoticeField {
        NAME("姓名"),
        PARTY_MASKED("当事人"),
        HOUSEHOLD_SIZE("家庭人数"),
        AMOUNT("金额"),
        RESULT("结果"),
        DOCUMENT_NUMBER("文号");

        private final String label;

        NoticeField(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Basis basis;
    private final List<NoticeField> fields;

    NoticeProfile(String label, Basis basis, List<NoticeField> fields) {
        this.label = label;
        this.basis = basis;
        this.fields = fields;
    }

    public String label() {
        return label;
    }

    public Basis basis() {
        return basis;
    }

    public List<NoticeField> fields() {
        return fields;
    }
}
