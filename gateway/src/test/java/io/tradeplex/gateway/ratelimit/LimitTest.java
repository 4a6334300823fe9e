package io.tradeplex.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

    @Test
    void readsRequestsPerPeriod() {
        assertThat(Limit.of("10/1s")).isEqualTo(new Limit(10, Duration.ofSeconds(1)));
        assertThat(Limit.of(" 300 / 1m ")).isEqualTo(new Limit(300, Duration.ofMinutes(1)));
        assertThat(Limit.of("5000/PT1H")).isEqualTo(new Limit(5000, Duration.ofHours(1)));
    }

    @Test
    void refusesWhatIsNotALimit() {
        assertThatThrownBy(() -> Limit.of("10 per second")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.of("0/1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limit.of("10/0s")).isInstanceOf(IllegalArgumentException.class);
    }
}
