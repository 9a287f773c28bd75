package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdStatus;

/**
 * A member of an assistance household as the case file gives it, normalised once: the key is -1 when the number is
 * not usable, the name hash 0 when there is no name to compare.
 */
public record ProbePerson(
        String personId,
        String householdId,
        String relation,
        IdStatus idStatus,
        long idKey,
        String idText,
        String name,
        String nameKey,
        long nameHash,
        int gender,
        int birthDay,
        int householdSize) {}
