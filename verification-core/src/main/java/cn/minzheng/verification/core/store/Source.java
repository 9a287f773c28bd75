package cn.minzheng.verification.core.store;

import static cn.minzheng.verification.core.store.ColumnType.DATE;
import static cn.minzheng.verification.core.store.ColumnType.DECIMAL;
import static cn.minzheng.verification.core.store.ColumnType.INTEGER;
import static cn.minzheng.verification.core.store.ColumnType.MONEY;
import static cn.minzheng.verification.core.store.ColumnType.MONTH;
import static cn.minzheng.verification.core.store.ColumnType.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 26 kinds of data the district compares (design/verification.md): code as in {@code sources/<code>.csv}, what it
 * is, who delivers it, and the columns that follow the five common ones.
 */
public enum Source {
    HUKOU("hukou", "户籍人口", "公安", c("address_code", TEXT), c("household_no", TEXT)),
    DEATH("death", "死亡与火化", "公安/卫健/殡葬", c("death_date", DATE)),
    VEHICLE(
            "vehicle",
            "机动车登记",
            "公安交管",
            c("plate", TEXT),
            c("vehicle_type", TEXT),
            c("registered_on", DATE),
            c("deregistered_on", DATE)),
    REAL_ESTATE(
            "real_estate",
            "不动产登记",
            "自然资源",
            c("property_type", TEXT),
            c("area_m2", DECIMAL),
            c("registered_on", DATE),
            c("ended_on", DATE)),
    HOUSING_CONTRACT("housing_contract", "商品房网签", "住建", c("contract_amount_fen", MONEY), c("signed_on", DATE)),
    BUSINESS(
            "business",
            "市场主体登记",
            "市场监管",
            c("credit_code", TEXT),
            c("role", TEXT),
            c("entity_type", TEXT),
            c("registered_capital_fen", MONEY),
            c("status", TEXT),
            c("registered_on", DATE),
            c("deregistered_on", DATE)),
    INCOME_TAX("income_tax", "个人所得税", "税务", c("year", INTEGER), c("taxable_income_fen", MONEY)),
    SOCIAL_INSURANCE(
            "social_insurance",
            "社会保险缴费",
            "人社",
            c("month", MONTH),
            c("contribution_base_fen", MONEY),
            c("employer_credit_code", TEXT)),
    PENSION("pension", "养老金领取", "人社", c("month", MONTH), c("amount_fen", MONEY)),
    UNEMPLOYMENT("unemployment", "失业保险金", "人社", c("month", MONTH), c("amount_fen", MONEY)),
    PROVIDENT_FUND("provident_fund", "住房公积金", "公积金中心", c("month", MONTH), c("deposit_fen", MONEY)),
    BANK_DEPOSIT("bank_deposit", "银行存款", "银行", c("bank", TEXT), c("balance_fen", MONEY), c("as_of", DATE)),
    SECURITIES("securities", "证券资产", "证券公司", c("market_value_fen", MONEY), c("as_of", DATE)),
    COMMERCIAL_INSURANCE(
            "commercial_insurance", "商业保险", "保险公司", c("product_type", TEXT), c("premium_fen", MONEY), c("as_of", DATE)),
    INTERNET_FINANCE(
            "internet_finance", "互联网金融资产", "平台", c("platform", TEXT), c("balance_fen", MONEY), c("as_of", DATE)),
    MARRIAGE("marriage", "婚姻登记", "民政", c("event", TEXT), c("spouse_id_number", TEXT), c("event_date", DATE)),
    DISABILITY("disability", "残疾人证", "残联", c("category", TEXT), c("grade", INTEGER)),
    MEDICAL_EXPENSE("medical_expense", "医保报销", "医保", c("year", INTEGER), c("self_paid_fen", MONEY)),
    DETENTION("detention", "服刑与强制隔离戒毒", "司法/公安", c("start_date", DATE), c("end_date", DATE)),
    PUBLIC_PAYROLL("public_payroll", "财政供养人员", "人社/财政", c("employer", TEXT), c("monthly_salary_fen", MONEY)),
    STUDENT("student", "学籍", "教育", c("school", TEXT), c("level", TEXT), c("school_fee_fen", MONEY)),
    UTILITIES("utilities", "水电气消费", "公用事业", c("year", INTEGER), c("amount_fen", MONEY)),
    CIVIL_ASSISTANCE(
            "civil_assistance", "民政救助记录", "民政", c("programme", TEXT), c("start_date", DATE), c("end_date", DATE)),
    CHILD_WELFARE("child_welfare", "孤儿与事实无人抚养儿童", "民政", c("category", TEXT), c("start_date", DATE)),
    DISABLED_SUBSIDY("disabled_subsidy", "残疾人两项补贴", "民政/残联", c("subsidy_type", TEXT), c("month", MONTH)),
    TRAVEL_ABROAD("travel_abroad", "出入境记录", "公安出入境", c("exit_date", DATE), c("entry_date", DATE));

    /** The five columns every source file starts with, all required. */
    public static final List<String> COMMON_COLUMNS = List.of("record_id", "id_number", "name", "gender", "birth_date");

    private final String code;
    private final String title;
    private final String provider;
    private final List<Column> ownColumns;

    Source(String code, String title, String provider, Column... ownColumns) {
        this.code = code;
        this.title = title;
        this.provider = provider;
        this.ownColumns = List.of(ownColumns);
    }

    private static Column c(String name, ColumnType type) {
        return new Column(name, type);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String provider() {
        return provider;
    }

    public List<Column> ownColumns() {
        return ownColumns;
    }

    /** All header names in delivery order. */
    public List<String> header() {
        List<String> names = new ArrayList<>(COMMON_COLUMNS);
        ownColumns.forEach(column -> names.add(column.name()));
        return names;
    }

    /**
     * Whether a person has at most one record here: one permanent registration (户口登记条例 Art. 6: "一个公民只能在一个地方登记为常住人口"), one
     * death, one disability card (its number is the identity number). A record without a number cannot be a person's
     * second one, so the name + birth date tier does not give such a record to someone whose own record the ID tier
     * already found.
     */
    public boolean onePerPerson() {
        return this == HUKOU || this == DEATH || this == DISABILITY;
    }

    /** The source that serves as the population register when asking whether a person has namesakes. */
    public static final Source REGISTER = HUKOU;

    /**
     * Whether the store keeps the name as written (normalised) for records with a usable number too. Only the register
     * does: who is registered under which spelling tells a namesake spelled alike from a homophone (王伟 and 王玮 share
     * the pinyin key). Elsewhere a numbered record needs only the key, and leaving the text out keeps the load fast.
     */
    public boolean keepsNameText() {
        return this == REGISTER;
    }

    /** Table of records with a usable ID number. */
    public String table() {
        return "src_" + code;
    }

    /** Table of records without one: the residue that only the name + birth date tier can link. */
    public String residueTable() {
        return "res_" + code;
    }

    public static Optional<Source> ofCode(String code) {
        String wanted = code.toLowerCase(Locale.ROOT);
        for (Source source : values()) {
            if (source.code.equals(wanted)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
