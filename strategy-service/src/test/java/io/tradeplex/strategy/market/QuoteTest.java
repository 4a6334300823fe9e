package io.tradeplex.strategy.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTest {
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void withinOneFeedTheSequenceDecidesWhateverTheTimes() {
        Quote held = quote("simulated", 1_700_000_000_000L, NOON);
        assertThat(quote("simulated", 1_700_000_000_001L, NOON.minusSeconds(5)).isNewerThan(held)).isTrue();
        assertThat(quote("simulated", 1_700_000_000_000L, NOON.plusSeconds(5)).isNewerThan(held)).isFalse();
        assertThat(quote("simulated", 1L, NOON.plusSeconds(5)).isNewerThan(held)).isFalse();
    }

    @Test
    void acrossFeedsTheLaterTickWinsThoughItsSequenceIsFarSmaller() {
        Quote simulated = quote("simulated", 1_700_000_000_000L, NOON);
        assertThat(quote("binance", 4_100_000_000L, NOON.plusMillis(1)).isNewerThan(simulated)).isTrue();
        assertThat(quote("binance", 4_100_000_000L, NOON).isNewerThan(simulated)).isFalse();
        assertThat(quote("replay", Long.MAX_VALUE, NOON.minusMillis(1)).isNewerThan(simulated)).isFalse();
    }

    private static Quote quote(String source, long sequence, Instant time) {
        return new Quote("BTC-USD", BigDecimal.ONE, source, sequence, time);
    }
}
