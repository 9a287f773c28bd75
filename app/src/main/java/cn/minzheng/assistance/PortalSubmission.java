package cn.minzheng.assistance;

/** What a resident sends from the public portal to apply (网上申请). */
public record PortalSubmission(
        String programme,
        String communityCode,
        String name,
        String phone,
        Integer householdSize,
        String situation,
        boolean consent) {}
