package io.tradeplex.strategy.market;

import java.math.BigDecimal;
import java.time.Instant;

/** A quote as the API shows it; {@code price} is written as a decimal string. */
public record QuoteView(String symbol, BigDecimal price, Instant time) {

    static QuoteView of(Quote quote) {
        return new QuoteView(quote.symbol(), quote.price(), quote.time());
    }
}
