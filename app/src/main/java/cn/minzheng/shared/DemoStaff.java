package cn.minzheng.shared;

import java.util.function.Supplier;

/**
 * The demo district's staff at work: a {@link DemoStep} acts as the named demo account, with that account's roles and
 * scope, so that the records name who did what and every check applies as it would to a signed-in request. The
 * identity module implements it from its staff directory.
 */
public interface DemoStaff {

    /** Runs the work as the named demo staff member, with the roles and scope of their account. */
    <T> T as(String username, Supplier<T> work);
}
