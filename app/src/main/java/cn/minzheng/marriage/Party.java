package cn.minzheng.marriage;

/** One of the two parties as entered: name and 居民身份证 number (内地居民 only at a district office, 条例 第二条). */
public record Party(String name, String idNumber) {}
