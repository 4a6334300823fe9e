package io.tradeplex.auth.importing;

import java.math.BigDecimal;
import java.util.List;

/** The administrator's settings for the imported user; null fields follow the tier. Passed on in the event. */
public record ImportOnboarding(String tier, BigDecimal maxPositionSizeUsd, BigDecimal maxDailyLossUsd,
                               Integer maxOpenPositions, List<String> allowedSymbols, Boolean tradeOnly) {
}
