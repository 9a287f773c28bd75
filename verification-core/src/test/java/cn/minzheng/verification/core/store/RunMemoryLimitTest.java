package cn.minzheng.verification.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunMemoryLimitTest {

    private static final long GB = 1L << 30;
    private static final long MACHINE = 24 * GB;

    @Test
    void aRunGetsOneGigabyteUpToAQuarterMillionProbePersons() {
        assertThat(Store.runMemoryLimitBytes(17_829, MACHINE)).isEqualTo(GB); // S
        assertThat(Store.runMemoryLimitBytes(200_093, MACHINE)).isEqualTo(GB); // M
        assertThat(Store.runMemoryLimitBytes(262_144, MACHINE)).isEqualTo(GB);
    }

    @Test
    void largerProbesGetFourKilobytesPerPerson() {
        assertThat(Store.runMemoryLimitBytes(999_736, MACHINE)).isEqualTo(999_736L * 4096); // L: 3.8 GB
    }

    @Test
    void neverMoreThanHalfTheMachine() {
        assertThat(Store.runMemoryLimitBytes(10_000_000, MACHINE)).isEqualTo(12 * GB);
        assertThat(Store.runMemoryLimitBytes(17_829, GB)).isEqualTo(GB / 2);
        assertThat(Store.runMemoryLimitBytes(17_829, -1)).isEqualTo(GB);
    }

    @Test
    void theSettingIsInMegabytes() {
        String limit = Store.runMemoryLimit(200_093);
        if (System.getenv("MINZHENG_DUCKDB_MEMORY") == null && Store.physicalMemoryBytes() >= 2 * GB) {
            assertThat(limit).isEqualTo("1024MB");
        }
    }
}
