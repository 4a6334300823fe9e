package io.tradeplex.strategy.market.binance;

import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.market.MarketTick;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceTradesTest {
    private static final BinanceTrades TRADES = BinanceTrades.of(List.of("BTC-USD:btcusdt", "ETH-USD:ethusdt"));

    /** The trade event of Binance's WebSocket Streams documentation, wrapped as the combined stream delivers it. */
    private static final String DOCUMENTED = """
            {"stream":"btcusdt@trade","data":{"e":"trade","E":1672515782136,"s":"BTCUSDT","t":12345,\
            "p":"16500.01000000","q":"0.00100000","T":1672515782130,"m":true,"M":true}}""";

    @Test
    void theCombinedStreamNamesEveryConfiguredSymbolsTradeStreamInLowerCase() {
        assertThat(TRADES.streams()).isEqualTo("btcusdt@trade/ethusdt@trade");
        assertThat(BinanceTrades.of(List.of("SOL-USD:SOLUSDT")).streams()).isEqualTo("solusdt@trade");
    }

    @Test
    void aDocumentedTradeBecomesATickWithTheTradeIdAsSequenceAndTheTradeTime() {
        MarketTick tick = TRADES.tick(DOCUMENTED).orElseThrow();

        assertThat(tick.symbol()).isEqualTo("BTC-USD");
        assertThat(tick.price()).isEqualByComparingTo("16500.01");
        assertThat(tick.source()).isEqualTo("binance");
        assertThat(tick.sequence()).isEqualTo(12345);
        assertThat(tick.time()).isEqualTo(Instant.ofEpochMilli(1672515782130L));
        assertThat(EventSchemas.violations(MarketTick.TYPE, EventJson.write(tick))).isEmpty();
    }

    @Test
    void aRawStreamMessageWithoutTheWrapperIsReadToo() {
        assertThat(TRADES.tick("""
                {"e":"trade","E":1,"s":"ETHUSDT","t":7,"p":"3000.5","q":"1","T":2}""")).hasValueSatisfying(tick -> {
            assertThat(tick.symbol()).isEqualTo("ETH-USD");
            assertThat(tick.sequence()).isEqualTo(7);
        });
    }

    @Test
    void otherEventsAndSymbolsAreSkipped() {
        assertThat(TRADES.tick("""
                {"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","s":"BTCUSDT","a":1,"p":"1","T":1}}""")).isEmpty();
        assertThat(TRADES.tick("""
                {"stream":"bnbusdt@trade","data":{"e":"trade","s":"BNBUSDT","t":1,"p":"1","q":"1","T":1}}""")).isEmpty();
        assertThat(TRADES.tick("{\"e\":\"serverShutdown\",\"E\":1}")).isEmpty();
        assertThat(TRADES.tick("{\"result\":null,\"id\":1}")).isEmpty();
    }

    @Test
    void malformedTradesAreRefused() {
        for (String message : List.of("not json", "{\"data\":{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"p\":\"1\",\"T\":1}}",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":1.5,\"T\":1}",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"abc\",\"T\":1}",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"0\",\"T\":1}",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":-1,\"p\":\"1\",\"T\":1}")) {
            assertThatThrownBy(() -> TRADES.tick(message)).as(message).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSymbolMappingThatIsNotSymbolColonBinanceSymbolStopsTheStart() {
        for (List<String> pairs : List.of(List.of("BTC-USD"), List.of("btc-usd:btcusdt"), List.of("BTC-USD:btc/usdt"),
                List.of("BTC-USD:btcusdt", "XBT-USD:BTCUSDT"), List.<String>of())) {
            assertThatThrownBy(() -> BinanceTrades.of(pairs)).as(pairs.toString())
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
