package io.tradeplex.gateway.circuit;

import io.tradeplex.gateway.ManualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerStateTest {
    private static final Duration OPEN = Duration.ofSeconds(30);

    private final ManualTime time = new ManualTime();
    private final CircuitBreaker breaker = new CircuitBreaker(3, OPEN, time);

    private CircuitBreaker.Permit permit() {
        Optional<CircuitBreaker.Permit> permit = breaker.tryAcquire();
        assertThat(permit).as("breaker lets the call through").isPresent();
        return permit.get();
    }

    private void failInARow(int times) {
        for (int i = 0; i < times; i++) {
            permit().failed();
        }
    }

    @Test
    void opensOnlyAfterTheThresholdOfFailuresInARow() {
        failInARow(2);
        permit().succeeded();
        failInARow(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        permit().failed();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isEmpty();
        assertThat(breaker.retryAfter()).isEqualTo(OPEN);
    }

    @Test
    void afterTheOpenDurationExactlyOneTrialGoesThrough() {
        failInARow(3);
        time.advance(OPEN.minusSeconds(10));
        assertThat(breaker.tryAcquire()).isEmpty();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(10));

        time.advance(Duration.ofSeconds(10));
        CircuitBreaker.Permit trial = permit();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("a second call during the trial").isEmpty();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        trial.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        permit().succeeded();
    }

    @Test
    void aFailedTrialReopensForAFullDuration() {
        failInARow(3);
        time.advance(OPEN);

        permit().failed();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.retryAfter()).isEqualTo(OPEN);
    }

    @Test
    void anAbandonedTrialLetsTheNextCallTry() {
        failInARow(3);
        time.advance(OPEN);

        permit().abandoned();

        permit().succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void onlyThePermitsFirstOutcomeCounts() {
        failInARow(2);
        CircuitBreaker.Permit permit = permit();
        permit.abandoned();
        permit.failed();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
