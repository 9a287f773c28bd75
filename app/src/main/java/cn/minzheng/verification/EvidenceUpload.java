package cn.minzheng.verification;

/** An uploaded evidence file as the controller hands it over. */
public record EvidenceUpload(String fileName, byte[] content) {}
