package cn.minzheng.resident;

import java.util.Optional;

/** The columns of the import template, in order, by their Chinese headers. */
enum ImportColumn {
    HOUSEHOLD_NO("户编号", true),
    NAME("姓名", true),
    DOCUMENT_TYPE("证件类型", true),
    ID_NUMBER("证件号码", false),
    GENDER("性别", true),
    BIRTH_DATE("出生日期", true),
    RELATIONSHIP("与户主关系", true),
    COMMUNITY("居住社区代码", true),
    HUKOU("户籍地址码", false),
    PHONE("联系电话", false);

    private final String header;
    private final boolean required;

    ImportColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    static Optional<ImportColumn> ofHeader(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace("\uFEFF", "").replace("*", "").strip();
        for (ImportColumn column : values()) {
            if (column.header.equals(t)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
