package cn.minzheng.shared;

/**
 * Every PostgreSQL advisory-lock key the platform uses, in one place, so that no two uses can pick the same key by
 * accident (they would then wait for each other, or worse, one would think the other's work its own). The values are
 * the ones each module used before they were gathered here: changing one would let an old and a new instance run the
 * same work at once during an upgrade.
 *
 * <p>PostgreSQL keeps the one-key form ({@code pg_advisory_lock(bigint)}) and the two-key form
 * ({@code pg_advisory_lock(int, int)}) apart, so the two tables below cannot collide with each other. In the two-key
 * form the first key says what is locked (a "space", the ASCII of four letters) and the second which one (an id).
 * Keys derived from text ({@code hashtext(prefix || …)}) are listed as their prefix.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {}

    // ---- one bigint key: a job that must run on one instance at a time ----

    /** audit: appending to the hash chain — entries must be linked one after another, never two at once. */
    public static final long AUDIT_CHAIN = 0x4D5A_4155_4449_5401L;

    /** procedure: the notice and clock sweep every few minutes — one instance sweeps, the others skip the round. */
    public static final long NOTICE_SWEEP = 0x4D5A_5052_4F43_5357L;

    /** assistance: the nightly generation of review tasks — one instance generates, the others skip. */
    public static final long REVIEW_TASKS = 0x4D5A_4153_5256_5753L;

    // ---- two int keys: (space, id) ----

    /**
     * resident: an import writing ("MZRI"); id = the import, or {@link #RESIDENT_IMPORT_ANY}: imports are stored one
     * after another so that two files naming the same person cannot both create them.
     */
    public static final int RESIDENT_IMPORT = 0x4D5A5249;

    /** resident: the id within {@link #RESIDENT_IMPORT} that every import takes ("some import is writing"). */
    public static final int RESIDENT_IMPORT_ANY = 0;

    /**
     * resident: an import's worker is alive ("MZIL"); id = the import. Held on a connection of the instance that queued
     * it, so a sweeper that can take it knows that instance is gone.
     */
    public static final int RESIDENT_IMPORT_LIVENESS = 0x4D5A494C;

    /** verification: a delivery's worker is alive ("MZVD"); id = the delivery, or {@link #VERIFICATION_STORE}. */
    public static final int VERIFICATION_DELIVERY = 0x4D5A5644;

    /** verification: the id within {@link #VERIFICATION_DELIVERY} for "the store is being built" (one build at a time). */
    public static final int VERIFICATION_STORE = 0;

    /**
     * verification: a batch verification's worker is alive ("MZVB"); id = the batch, and id 0 orders concurrent
     * scheduled triggers so that only one starts the month's batch.
     */
    public static final int VERIFICATION_BATCH = 0x4D5A5642;

    /** verification: decisions on one finding ("MZVR"); id = the finding — two officers cannot both answer one objection. */
    public static final int VERIFICATION_FINDING = 0x4D5A5652;

    /** verification: issuing a report of one request ("MZVS"); id = the request — report versions stay gap-free. */
    public static final int VERIFICATION_REPORT = 0x4D5A5652 + 1;

    // ---- keys derived from text: pg_advisory_xact_lock(hashtext(prefix || …)) ----

    /** procedure: publishing a version of one matter type, + its code — two publishers get 2 and 3, never 2 twice. */
    public static final String MATTER_TYPE = "matter_type:";

    /**
     * assistance: generating the payment roll of a programme and month, + {@code programme:yyyy-mm-01} — one generator
     * at a time; one-time payments use the programme TEMPORARY.
     */
    public static final String PAYMENT_ROLL = "payment-roll:";

    /** assistance: drawing the 特困 spot check of a street and year, + {@code street:year} — one draw per street and year. */
    public static final String TEKUN_SPOT_CHECK = "tekun-spot-check:";
}
