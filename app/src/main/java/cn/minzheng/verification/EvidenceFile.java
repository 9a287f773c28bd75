package cn.minzheng.verification;

/** An evidence file to download, with its SM3. */
public record EvidenceFile(String fileName, String contentType, byte[] content, String sm3) {}
