package cn.minzheng.region;

public enum RegionChangeKind {
    ESTABLISH("设立"),
    RENAME("更名"),
    SPLIT("拆分"),
    MERGE("合并"),
    TRANSFER("移交/划转"),
    ABOLISH("撤销");

    private final String label;

    RegionChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
