package io.tradeplex.user.tier;

import io.tradeplex.contracts.users.UserState;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What each tier allows at most. A user's overrides may only tighten these; a downgrade tightens the effective limits
 * at once, whatever the overrides say.
 */
public enum Tier {
    BASIC("basic", "50", "25", 2, List.of("BTC-USD", "ETH-USD")),
    PRO("pro", "200", "100", 5, List.of(
            "BTC-USD", "ETH-USD", "SOL-USD", "BNB-USD", "XRP-USD", "ADA-USD", "DOGE-USD", "AVAX-USD", "DOT-USD",
            "LINK-USD", "LTC-USD", "TRX-USD", "BCH-USD", "ATOM-USD", "XLM-USD", "NEAR-USD", "UNI-USD", "ETC-USD",
            "FIL-USD", "APT-USD")),
    ENTERPRISE("enterprise", "1000", "500", 20, List.of(UserState.ANY_SYMBOL));

    public static final Tier DEFAULT = BASIC;
    public static final String PATTERN = "basic|pro|enterprise";

    private final String wire;
    private final BigDecimal maxPositionSizeUsd;
    private final BigDecimal maxDailyLossUsd;
    private final int maxOpenPositions;
    private final List<String> allowedSymbols;

    Tier(String wire, String maxPositionSizeUsd, String maxDailyLossUsd, int maxOpenPositions, List<String> allowedSymbols) {
        this.wire = wire;
        this.maxPositionSizeUsd = new BigDecimal(maxPositionSizeUsd);
        this.maxDailyLossUsd = new BigDecimal(maxDailyLossUsd);
        this.maxOpenPositions = maxOpenPositions;
        this.allowedSymbols = allowedSymbols;
    }

    public String wire() {
        return wire;
    }

    public BigDecimal maxPositionSizeUsd() {
        return maxPositionSizeUsd;
    }

    /** No tier sets a separate order ceiling: one order can at most build the largest allowed position. */
    public BigDecimal maxOrderSizeUsd() {
        return maxPositionSizeUsd;
    }

    public BigDecimal maxDailyLossUsd() {
        return maxDailyLossUsd;
    }

    public int maxOpenPositions() {
        return maxOpenPositions;
    }

    public List<String> allowedSymbols() {
        return allowedSymbols;
    }

    public boolean allowsSymbol(String symbol) {
        return allowedSymbols.contains(UserState.ANY_SYMBOL) || allowedSymbols.contains(symbol);
    }

    public static Optional<Tier> ofWire(String wire) {
        return Arrays.stream(values()).filter(tier -> tier.wire.equals(wire)).findFirst();
    }

    /** A stored tier is always a known one (the database checks it). */
    public static Tier of(String wire) {
        return ofWire(wire).orElseThrow(() -> new IllegalStateException("Unknown tier " + wire));
    }
}
