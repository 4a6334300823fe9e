package io.tradeplex.order.broker.kite;

import java.util.Set;

/**
 * Where our symbol trades at Kite. Our symbols are {@code BASE-QUOTE}; for Kite the base is the tradingsymbol and the
 * quote names the exchange: {@code INFY-NSE} is INFY on NSE, {@code SBIN-BSE} SBIN on BSE, and {@code INFY-INR} (the
 * currency) INFY on the configured default exchange. Tradingsymbols with characters our symbols cannot hold
 * ({@code M&M}, {@code BAJAJ-AUTO}) are not tradable this way.
 */
public record KiteInstrument(String exchange, String tradingsymbol) {
    static final Set<String> EXCHANGES = Set.of("NSE", "BSE", "NFO", "CDS", "BFO", "MCX", "BCD");

    /** @return null when the symbol names no exchange Kite has */
    public static KiteInstrument of(String symbol, String defaultExchange) {
        int dash = symbol.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        String quote = symbol.substring(dash + 1);
        String exchange = "INR".equals(quote) ? defaultExchange : quote;
        return EXCHANGES.contains(exchange) ? new KiteInstrument(exchange, symbol.substring(0, dash)) : null;
    }
}
