package cn.minzheng.verification;

/** An uploaded evidence file as the controller hands it over. */
record EvidenceUpload(String fileName, byte[] content) {}
