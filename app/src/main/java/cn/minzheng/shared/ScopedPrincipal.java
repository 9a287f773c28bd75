package cn.minzheng.shared;

import java.util.List;

/** A signed-in staff member as every module sees them; implemented by the identity module. */
public interface ScopedPrincipal extends java.security.Principal {

    /** The account's stable id, used for audit and for "who handled this" checks. */
    long accountId();

    String username();

    @Override
    default String getName() {
        return username();
    }

    String displayName();

    DataScope dataScope();

    /** Chinese names of the account's roles, for display. */
    List<String> roleLabels();
}
