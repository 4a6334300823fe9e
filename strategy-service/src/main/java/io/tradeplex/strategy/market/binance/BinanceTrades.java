package io.tradeplex.strategy.market.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.contracts.market.MarketTick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Binance's combined-stream messages, {@code {"stream":"btcusdt@trade","data":{...}}}, whose trade events
 * carry {@code e} = "trade", {@code s} the symbol, {@code t} the trade id, {@code p} and {@code q} price and quantity
 * as decimal strings, and {@code T} the trade time in milliseconds.
 */
final class BinanceTrades {
    static final String SOURCE = "binance";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Binance's symbol in upper case (as events spell it) → ours. */
    private final Map<String, String> symbols;

    private BinanceTrades(Map<String, String> symbols) {
        this.symbols = symbols;
    }

    /** @param pairs {@code SYMBOL:binancesymbol}, e.g. {@code BTC-USD:btcusdt} */
    static BinanceTrades of(Iterable<String> pairs) {
        Map<String, String> symbols = new LinkedHashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.strip().split(":", -1);
            if (parts.length != 2 || !parts[0].matches("[A-Z0-9]{1,20}(-[A-Z0-9]{1,20})?")
                    || !parts[1].matches("[A-Za-z0-9]{1,30}")) {
                throw new IllegalStateException("tradeplex.market.binance.symbols: '" + pair
                        + "' is not SYMBOL:binancesymbol, e.g. BTC-USD:btcusdt");
            }
            if (symbols.put(parts[1].toUpperCase(Locale.ROOT), parts[0]) != null) {
                throw new IllegalStateException("tradeplex.market.binance.symbols: " + parts[1] + " appears twice");
            }
        }
        if (symbols.isEmpty()) {
            throw new IllegalStateException("tradeplex.market.binance.symbols: at least one symbol is needed");
        }
        return new BinanceTrades(symbols);
    }

    /** The combined stream's query: {@code btcusdt@trade/ethusdt@trade} (stream names are lower case). */
    String streams() {
        return String.join("/", symbols.keySet().stream().map(s -> s.toLowerCase(Locale.ROOT) + "@trade").toList());
    }

    /**
     * @return the trade as a tick (sequence = Binance's trade id, which increases per symbol), or empty for a message
     *         that is not a trade of a configured symbol (e.g. a {@code serverShutdown} notice)
     * @throws IllegalArgumentException for a message that is not the JSON Binance documents
     */
    Optional<MarketTick> tick(String message) {
        JsonNode data;
        try {
            JsonNode root = JSON.readTree(message);
            data = root.has("data") ? root.get("data") : root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!"trade".equals(data.path("e").asText())) {
            return Optional.empty();
        }
        String symbol = symbols.get(data.path("s").asText().toUpperCase(Locale.ROOT));
        if (symbol == null) {
            return Optional.empty();
        }
        JsonNode tradeId = data.path("t");
        JsonNode tradeTime = data.path("T");
        if (!tradeId.canConvertToLong() || tradeId.asLong() < 0 || !tradeTime.canConvertToLong()
                || !data.path("p").isTextual()) {
            throw new IllegalArgumentException("a trade without a valid t, T or p");
        }
        BigDecimal price;
        try {
            price = new BigDecimal(data.get("p").asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a trade whose price is not a decimal");
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("a trade whose price is not positive");
        }
        return Optional.of(new MarketTick(MarketTick.SCHEMA_VERSION, symbol, price, SOURCE, tradeId.asLong(),
                Instant.ofEpochMilli(tradeTime.asLong())));
    }
}
