package io.tradeplex.contracts.portfolio;

import io.tradeplex.contracts.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A user's loss for the trading day (realized + unrealized − fees, as in {@link DailyPnl}) reached their
 * {@code maxDailyLossUsd}. Published once per user and trading day on {@code tradeplex.portfolio.v1} (key user id);
 * user-service answers it by setting the user's kill switch.
 *
 * @param netPnl          the day's P&L when the breach was seen (at most −maxDailyLossUsd)
 * @param maxDailyLossUsd the limit that was reached, positive
 */
public record DailyLossLimitBreached(
        int schemaVersion,
        UUID userId,
        LocalDate tradingDay,
        String timeZone,
        BigDecimal netPnl,
        BigDecimal maxDailyLossUsd,
        Instant breachedAt) implements Event {
    public static final String TYPE = "tradeplex.portfolio.daily-loss-breached.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
