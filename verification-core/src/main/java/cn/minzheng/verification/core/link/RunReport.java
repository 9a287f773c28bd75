package cn.minzheng.verification.core.link;

import java.util.LinkedHashMap;
import java.util.Map;

/** Phase times and counts of one verification run, printed by the command line and used by the benchmark. */
public final class RunReport {

    private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long phaseStarted = System.nanoTime();
    private final long started = System.nanoTime();

    /** Ends the current phase under the given name and starts the next. */
    public void phase(String name) {
        long now = System.nanoTime();
        phaseSeconds.merge(name, (now - phaseStarted) / 1e9, Double::sum);
        phaseStarted = now;
    }

    public void count(String name, long value) {
        counts.merge(name, value, Long::sum);
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    private double finishedSeconds = -1;

    public double totalSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Marks the end of the engine's work, so that later measurements do not count toward its time. */
    public void finish() {
        finishedSeconds = totalSeconds();
    }

    /** Seconds from reading the probe to the written findings. */
    public double engineSeconds() {
        return finishedSeconds >= 0 ? finishedSeconds : totalSeconds();
    }

    /** Seconds of the linkage proper: both tiers and the name check, without file I/O, opening, or rules. */
    public double linkSeconds() {
        // the name tier reports its steps (name_birth_candidates, _judge, then _tier for the rest)
        double seconds = phaseSeconds.getOrDefault("id_tier", 0.0)
                + phaseSeconds.getOrDefault("name_check", 0.0)
                + phaseSeconds.getOrDefault("transpositions", 0.0);
        for (Map.Entry<String, Double> phase : phaseSeconds.entrySet()) {
            if (phase.getKey().startsWith("name_birth_")) {
                seconds += phase.getValue();
            }
        }
        return seconds;
    }

    public Map<String, Double> phases() {
        return phaseSeconds;
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public String phasesLine() {
        StringBuilder line = new StringBuilder("phases");
        phaseSeconds.forEach((name, seconds) -> {
            if (!name.startsWith("plain_join")) {
                line.append(String.format(" %s=%.3fs", name, seconds));
            }
        });
        return line.toString();
    }

    private String memoryLimit = "";
    private long duckDbBytes = -1;

    /** Records DuckDB's memory cap of the run and what its buffer manager held at the end of the engine's work. */
    public void memory(String duckDbMemoryLimit, long duckDbBytesAtEnd) {
        this.memoryLimit = duckDbMemoryLimit;
        this.duckDbBytes = duckDbBytesAtEnd;
    }

    /** Where the memory is: DuckDB's cap and use at the end, and the Java heap's maximum and committed size. */
    public String memoryLine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                "memory duckdb_limit=%s duckdb_in_use=%dMB java_heap_max=%dMB java_heap_committed=%dMB",
                memoryLimit.isEmpty() ? "-" : memoryLimit,
                duckDbBytes < 0 ? -1 : duckDbBytes >> 20,
                runtime.maxMemory() >> 20,
                runtime.totalMemory() >> 20);
    }

    public String countsLine() {
        StringBuilder line = new StringBuilder("counts");
        counts.forEach(
                (name, value) -> line.append(' ').append(name).append('=').append(value));
        return line.toString();
    }

    /** CPU seconds this process has used so far (all threads, DuckDB's included), or -1 where unknown. */
    public static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    /** Peak resident set size of this process in bytes (VmHWM), or -1 where /proc is unavailable. */
    public static long peakRssBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
