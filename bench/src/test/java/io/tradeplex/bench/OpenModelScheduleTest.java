package io.tradeplex.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness itself, not the platform: the benchmark is run by bench/orders, never by the test suite. */
class OpenModelScheduleTest {

    @Test
    void intendedTimesFollowTheRateFromTheStartWhateverHappened() {
        OpenModelSchedule schedule = new OpenModelSchedule(1_000, 500);
        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 2_000_000);
        assertThat(schedule.intendedNanos(500)).isEqualTo(1_000 + 1_000_000_000L);
        // Computed from the index, not accumulated: no drift after many requests.
        assertThat(schedule.intendedNanos(15_000)).isEqualTo(1_000 + 30_000_000_000L);
    }

    @Test
    void aFractionalIntervalDoesNotDrift() {
        OpenModelSchedule schedule = new OpenModelSchedule(0, 3);
        assertThat(schedule.intendedNanos(1)).isEqualTo(333_333_333);
        assertThat(schedule.intendedNanos(3)).isEqualTo(1_000_000_000);
        assertThat(schedule.intendedNanos(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void countsAndRefusals() {
        assertThat(OpenModelSchedule.count(500, 30)).isEqualTo(15_000);
        assertThat(OpenModelSchedule.count(200, 0)).isZero();
        assertThatThrownBy(() -> new OpenModelSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsHaveTheIssuesDefaults() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.users()).isEqualTo(1000);
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.durationSeconds()).isEqualTo(30);
        BenchOptions custom = BenchOptions.parse("--users", "10", "--rate", "200", "--duration", "5", "--warmup", "0");
        assertThat(custom.users()).isEqualTo(10);
        assertThat(custom.rate()).isEqualTo(200);
        assertThat(custom.warmupSeconds()).isZero();
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse("--nope", "1")).hasMessageContaining("unknown option");
    }
}
