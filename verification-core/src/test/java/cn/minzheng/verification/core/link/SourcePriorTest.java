package cn.minzheng.verification.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePriorTest {

    @Test
    void withoutNamesakesEveryRecordFavoursThePerson() {
        assertThat(new SourcePrior(0, 100, 1000, 1000).favoursPerson(0)).isTrue();
    }

    @Test
    void comparesTheProbesRateWithTheNamesakesCombinedRate() {
        // probe: 300 records per 1000 persons; population: 150 per 1000, so one namesake weighs 0.15 against 0.30
        SourcePrior pension = new SourcePrior(300, 1000, 150, 1000);
        assertThat(pension.favoursPerson(1)).isTrue();
        assertThat(pension.favoursPerson(2)).isFalse(); // a tie: 0.30 against 2 × 0.15
        assertThat(pension.favoursPerson(3)).isFalse();
    }

    @Test
    void staysExactAtAProvincesCounts() {
        // products beyond a long: 10 records per probe person against 12.5 per registered person, then 13
        SourcePrior big = new SourcePrior(10_000_000_000L, 1_000_000_000L, 500_000_000_000L, 40_000_000_000L);
        assertThat(big.favoursPerson(1)).isFalse();
        assertThat(new SourcePrior(13_000_000_000L, 1_000_000_000L, 500_000_000_000L, 40_000_000_000L).favoursPerson(1))
                .isTrue();
    }

    @Test
    void aHouseholdCheckedOnItsOwnGivesNoRateAndKeepsTheCandidateForReview() {
        assertThat(new SourcePrior(0, 5, 1000, 1000).favoursPerson(3)).isTrue();
        assertThat(new SourcePrior(0, 1000, 1000, 1000).favoursPerson(3)).isFalse();
    }
}
