package cn.minzheng.assistance.web;

/** One monthly income of one member. */
public class InvestigationIncomeRow implements java.io.Serializable {
    String member;
    String kind;
    String yuan;
    String note;

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getYuan() {
        return yuan;
    }

    public void setYuan(String yuan) {
        this.yuan = yuan;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    boolean blank() {
        return InvestigationForms.isBlank(kind) && InvestigationForms.isBlank(yuan);
    }
}
