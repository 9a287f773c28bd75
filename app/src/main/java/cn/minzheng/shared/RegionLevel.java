package cn.minzheng.shared;

/** The three levels of the bureau's territory: 区 → 街道 → 社区. */
public enum RegionLevel {
    DISTRICT("区", 6),
    STREET("街道", 9),
    COMMUNITY("社区", 12);

    private final String label;
    private final int codeLength;

    RegionLevel(String label, int codeLength) {
        this.label = label;
        this.codeLength = codeLength;
    }

    public String label() {
        return label;
    }

    public int codeLength() {
        return codeLength;
    }

    public static RegionLevel ofCodeLength(int length) {
        for (RegionLevel level : values()) {
            if (level.codeLength == length) {
                return level;
            }
        }
        throw new IllegalArgumentException("no region level has codes of length " + length);
    }
}
