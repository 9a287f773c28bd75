package cn.minzheng.region;

import java.util.Collection;
import java.util.List;

/**
 * Implemented by every module that records a community code (residents' addresses, cases, staff scopes). When a
 * community is split, the operator moves each reference to one of the new communities through this interface; after a
 * merge or transfer they move automatically. Calls run in the district's scope.
 */
public interface CommunityReferences {

    /** A short stable name of the holder, e.g. "staff_account". */
    String holder();

    /** What the references are, for the screens, e.g. "工作人员账号". */
    String label();

    long countAt(String communityCode);

    /** References at the code, for the operator to map: an id and a label without personal values. */
    List<Reference> listAt(String communityCode, int limit);

    /** Moves the given references from one code to another; returns how many moved. */
    int reassign(Collection<String> referenceIds, String fromCode, String toCode);

    /** Moves every reference at the code; returns how many moved. */
    int reassignAll(String fromCode, String toCode);

    record Reference(String id, String label) {}
}
