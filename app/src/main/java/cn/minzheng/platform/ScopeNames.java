package cn.minzheng.platform;

/** Names a region code for display ("小寨路街道"); implemented by the region module. */
public interface ScopeNames {

    String nameOf(String regionCode);
}
