package cn.minzheng.resident;

/** Changes in a household's history. */
public enum HouseholdEventKind {
    FORMED("立户"),
    BIRTH("出生"),
    DEATH("死亡"),
    MARRIAGE_IN("婚入"),
    MARRIAGE_OUT("婚出"),
    DIVORCE_OUT("离婚迁出"),
    MOVED_IN("迁入"),
    MOVED_OUT("迁出"),
    HEAD_CHANGED("变更户主"),
    RELATIONSHIP_CHANGED("变更与户主关系"),
    RECORD_MERGED("重复档案合并");

    private final String label;

    HouseholdEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
