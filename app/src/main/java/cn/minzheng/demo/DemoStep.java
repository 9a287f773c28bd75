package cn.minzheng.demo;

/**
 * A part of the demo district contributed by a business module (residents, cases, payments …). Steps run once, in
 * {@link #order()}, after the communities and staff exist, as the system at district scope with the roles the step
 * names. A step must be deterministic for a given seed.
 */
interface DemoStep {

    String name();

    int order();

    /** Roles the step needs (it runs as the platform itself, with these roles, in the district's scope). */
    String[] roles();

    /** @param size {@code small} (default) or {@code district} (about 1.3 million residents, for benchmarks) */
    void build(String size, long seed);
}
