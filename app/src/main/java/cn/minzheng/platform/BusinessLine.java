package cn.minzheng.platform;

/** The menu groups: the bureau's business lines as its work summary lists them, plus administration. */
public enum BusinessLine {
    WORKBENCH("工作台"),
    ASSISTANCE("社会救助"),
    VERIFICATION("家庭经济状况核对"),
    ELDERCARE("养老服务"),
    COMMUNITY("社区治理"),
    CHILDREN("未成年人保护"),
    RESCUE("流浪乞讨救助"),
    BOUNDARY("区划与界线"),
    MARRIAGE("婚姻登记"),
    LOTTERY("福利彩票"),
    RULE_OF_LAW("依法行政"),
    REPORTS("统计报表"),
    SYSTEM("系统管理");

    private final String label;

    BusinessLine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
