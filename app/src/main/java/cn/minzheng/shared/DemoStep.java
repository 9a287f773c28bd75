package cn.minzheng.shared;

/**
 * A part of the demo district contributed by a business module, as a package-private {@code @Component} in that
 * module; the demo module finds the steps and runs them (residents, cases, payments …). Steps run once, in
 * {@link #order()}, after the communities and staff exist, as the system at district scope with the roles the step
 * names; each records its completion, so that a first start interrupted half-way resumes at the next start (issue
 * 14). A step must be deterministic for a given seed.
 */
public interface DemoStep {

    String name();

    int order();

    /** Roles the step needs (it runs as the platform itself, with these roles, in the district's scope). */
    String[] roles();

    /** @param size {@code small} (default) or {@code district} (about 1.3 million residents, for benchmarks) */
    void build(String size, long seed);

    /**
     * Whether the step runs as one transaction (the default), together with the record of its completion: a first start
     * interrupted in the middle of it leaves nothing of it, and the next start runs it again. A step that cannot (it
     * writes outside the database, or is too large for one transaction) returns false and must be idempotent: run
     * again after an interruption, it adds what is missing and changes nothing else.
     */
    default boolean transactional() {
        return true;
    }
}
