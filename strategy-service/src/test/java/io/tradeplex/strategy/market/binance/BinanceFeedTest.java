package io.tradeplex.strategy.market.binance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@QuarkusTest
@TestProfile(BinanceFeedTest.Binance.class)
class BinanceFeedTest {
    private static final String TICKS = "test." + Topics.MARKET_TICKS;

    public static class Binance implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeBinanceStreamResource.class));
        }
    }

    /** Injected by {@link FakeBinanceStreamResource}. */
    FakeBinanceStream binance;

    @Test
    void tradesFromTheStreamReachTheTopicAndTheFeedReconnectsWhenTheStreamCloses() throws Exception {
        // Trade ids of this run alone, above those of earlier runs still on the test topic.
        long tradeId = System.currentTimeMillis() * 1_000;
        long tradeTime = System.currentTimeMillis();
        binance.awaitConnections(1, Duration.ofSeconds(30));
        assertThat(binance.requestedUris()).containsExactly("/stream?streams=btcusdt@trade/ethusdt@trade");

        binance.send(trade("btcusdt", "BTCUSDT", tradeId + 1, "64123.45000000", tradeTime));
        binance.send("{\"stream\":\"btcusdt@trade\",\"data\":");
        binance.send("{\"e\":\"serverShutdown\",\"E\":" + tradeTime + "}");
        binance.send(trade("ethusdt", "ETHUSDT", tradeId + 2, "3201.10000000", tradeTime + 1));
        binance.send(trade("btcusdt", "BTCUSDT", tradeId + 3, "64124.00000000", tradeTime + 2));

        assertThat(ticks("BTC-USD", tradeId, 2)).extracting(MarketTick::sequence, MarketTick::price, MarketTick::time)
                .containsExactly(
                        tuple(tradeId + 1, new BigDecimal("64123.45"),
                                Instant.ofEpochMilli(tradeTime)),
                        tuple(tradeId + 3, new BigDecimal("64124"),
                                Instant.ofEpochMilli(tradeTime + 2)));
        assertThat(ticks("ETH-USD", tradeId, 1)).singleElement().satisfies(tick -> {
            assertThat(tick.sequence()).isEqualTo(tradeId + 2);
            assertThat(tick.price()).isEqualByComparingTo("3201.1");
        });

        binance.closeLatest();
        binance.awaitConnections(2, Duration.ofSeconds(10));
        assertThat(binance.requestedUris()).as("the same streams again").containsOnly(
                "/stream?streams=btcusdt@trade/ethusdt@trade");
        binance.send(trade("btcusdt", "BTCUSDT", tradeId + 4, "64130.50000000", tradeTime + 3));

        assertThat(ticks("BTC-USD", tradeId, 3)).extracting(MarketTick::sequence)
                .containsExactly(tradeId + 1, tradeId + 3, tradeId + 4);
    }

    /** Binance's documented trade event, as the combined stream wraps it. */
    private static String trade(String stream, String symbol, long tradeId, String price, long tradeTime) {
        return """
                {"stream":"%s@trade","data":{"e":"trade","E":%d,"s":"%s","t":%d,"p":"%s","q":"0.01000000",\
                "T":%d,"m":true,"M":true}}""".formatted(stream, tradeTime + 5, symbol, tradeId, price, tradeTime);
    }

    private static List<MarketTick> ticks(String symbol, long tradeIdsAbove, int count) {
        try (KafkaProbe probe = new KafkaProbe()) {
            List<KafkaProbe.Received> received = probe.await(TICKS, symbol, r -> MarketTick.TYPE.equals(r.type())
                    && "binance".equals(tick(r).source()) && tick(r).sequence() > tradeIdsAbove, count,
                    Duration.ofSeconds(30));
            assertThat(received).allSatisfy(r -> assertThat(EventSchemas.violations(MarketTick.TYPE, r.value())).isEmpty());
            return received.stream().map(BinanceFeedTest::tick).toList();
        }
    }

    private static MarketTick tick(KafkaProbe.Received received) {
        return EventJson.read(received.value(), MarketTick.class);
    }
}
