package cn.minzheng.verification;

import cn.minzheng.resident.VerificationIdentity;
import java.util.List;

/** A household of the verification demo and the members it counts, with their numbers. */
record VerificationDemoFamily(long id, String householdNo, List<VerificationIdentity> members) {

    VerificationIdentity member(int i) {
        return members.get(Math.min(i, members.size() - 1));
    }
}
