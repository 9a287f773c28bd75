package cn.minzheng.verification.core.generate;

/** The injected errors of the benchmark design (reference §6.1), with their standard-profile rates per record. */
public enum ErrorKind {
    E1_OLD_15_DIGIT(0.02, "15位旧号码"),
    E2_SUBSTITUTION(0.005, "单字符错录"),
    E3_TRANSPOSITION(0.003, "相邻换位"),
    E4_FORMATTING(0.01, "格式问题(x/空格/全角/撇号/分隔符)"),
    E5_EXCEL_DAMAGE(0.002, "Excel损坏"),
    E6_MISSING_ID(0.02, "缺失证件号"),
    E7_NAME_VARIANT(0.01, "姓名变体"),
    E8_FAMILY_MEMBER_ID(0.001, "使用家庭成员证件号"),
    E9_DUPLICATE(0.01, "重复记录"),
    E10_EXPIRED(0.05, "已失效记录"),
    E11_SCRIPT_VARIANT(0.01, "姓名另一种写法(繁体/全角/空格/间隔号)");

    private final double standardRate;
    private final String title;

    ErrorKind(double standardRate, String title) {
        this.standardRate = standardRate;
        this.title = title;
    }

    double standardRate() {
        return standardRate;
    }

    public String title() {
        return title;
    }

    /** Short code as written in truth/errors.csv. */
    public String code() {
        return name().substring(0, name().indexOf('_'));
    }
}
