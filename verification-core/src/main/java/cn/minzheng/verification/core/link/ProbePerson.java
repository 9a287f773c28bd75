package cn.minzheng.verification.core.link;

import cn.minzheng.verification.core.normalize.IdNumbers;
import cn.minzheng.verification.core.normalize.IdStatus;
import cn.minzheng.verification.core.normalize.Names;

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
        int householdSize) {

    /**
     * A member as the case file gives it, normalised: the number trusted ({@link IdNumbers#parseTrusted}), the name
     * normalised with its pinyin key (a name with an unprintable character has no key).
     */
    static ProbePerson of(
            IdNumbers ids,
            String personId,
            String householdId,
            String relation,
            String idNumber,
            String rawName,
            int gender,
            int birthDay,
            int householdSize) {
        IdStatus status = ids.parseTrusted(idNumber);
        String name = Names.normalise(rawName);
        String key = Names.key(name);
        return new ProbePerson(
                personId,
                householdId,
                relation,
                status,
                ids.key(),
                status.usable() ? IdNumbers.decode(ids.key()) : ids.cleaned(),
                name,
                key,
                key.indexOf('?') >= 0 ? 0 : Names.keyHash(key),
                gender,
                birthDay,
                householdSize);
    }
}
