package io.tradeplex.strategy.market.replay;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarHistory;
import io.tradeplex.strategy.market.bars.BarInterval;
import io.tradeplex.testing.KafkaProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(ReplayFeedTest.Replay.class)
class ReplayFeedTest {
    private static final String TICKS = "test." + Topics.MARKET_TICKS;
    private static final int COUNT = 12;

    public static class Replay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeplex.market.feed", "replay",
                    "tradeplex.market.replay.speed", "20",
                    "tradeplex.market.replay.loop", "false");
        }
    }

    @Inject
    BarHistory history;

    @Test
    void publishesTheHistoricalClosesInOrderKeyedBySymbolWithIncreasingSequences() {
        // Ticks of earlier runs are on the topic too; this run's are the ones published since this JVM started.
        Instant thisRun = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        for (String symbol : List.of("BTC-USD", "ETH-USD")) {
            List<KafkaProbe.Received> received;
            try (KafkaProbe probe = new KafkaProbe()) {
                received = probe.await(TICKS, symbol, r -> MarketTick.TYPE.equals(r.type()) && isReplayedSince(r, thisRun),
                        COUNT, Duration.ofSeconds(30));
            }
            // The probe hands over whole poll batches, so it may return more than asked for: the first ones count.
            received = received.stream().limit(COUNT).toList();
            List<MarketTick> ticks = received.stream().map(r -> EventJson.read(r.value(), MarketTick.class)).toList();
            List<BigDecimal> closes = history.bars(symbol, BarInterval.H1, Instant.MIN, Instant.MAX).stream()
                    .limit(COUNT).map(Bar::close).toList();

            assertThat(ticks).as(symbol).hasSize(COUNT);
            assertThat(ticks).extracting(MarketTick::price).usingElementComparator(BigDecimal::compareTo)
                    .as("the closes of the set's first bars, in order").containsExactlyElementsOf(closes);
            assertThat(ticks).extracting(MarketTick::symbol).containsOnly(symbol);
            assertThat(ticks).extracting(MarketTick::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(ticks.get(COUNT - 1).sequence() - ticks.get(0).sequence()).isEqualTo(COUNT - 1);
            assertThat(ticks).extracting(MarketTick::time).isSorted();
            assertThat(received).allSatisfy(r -> {
                assertThat(EventSchemas.violations(MarketTick.TYPE, r.value())).isEmpty();
                assertThat(r.source()).isEqualTo("strategy-service");
            });
        }
    }

    private static boolean isReplayedSince(KafkaProbe.Received received, Instant since) {
        MarketTick tick = EventJson.read(received.value(), MarketTick.class);
        return "replay".equals(tick.source()) && !tick.time().isBefore(since);
    }
}
