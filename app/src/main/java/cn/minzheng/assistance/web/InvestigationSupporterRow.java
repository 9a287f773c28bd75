package cn.minzheng.assistance.web;

/** A person with a legal duty of support (特困人员认定办法第八条). */
public class InvestigationSupporterRow implements java.io.Serializable {
    String relation;
    Integer age;
    boolean tekun;
    boolean dibao60;
    boolean lowIncome;
    boolean disabled;
    boolean missing;

    public String getRelation() {
        return relation;
    }

    public void setRelation(String relation) {
        this.relation = relation;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public boolean isTekun() {
        return tekun;
    }

    public void setTekun(boolean tekun) {
        this.tekun = tekun;
    }

    public boolean isDibao60() {
        return dibao60;
    }

    public void setDibao60(boolean dibao60) {
        this.dibao60 = dibao60;
    }

    public boolean isLowIncome() {
        return lowIncome;
    }

    public void setLowIncome(boolean lowIncome) {
        this.lowIncome = lowIncome;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public boolean isMissing() {
        return missing;
    }

    public void setMissing(boolean missing) {
        this.missing = missing;
    }
}
