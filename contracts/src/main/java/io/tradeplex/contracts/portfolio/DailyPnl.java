package io.tradeplex.contracts.portfolio;

import io.tradeplex.contracts.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A user's P&L for one trading day so far, overall and per broker account, marked to the latest ticks. Published on
 * {@code tradeplex.portfolio.v1} (key user id) after every fill and, while positions are open, whenever the marks
 * move it (at most every few seconds per user). The latest record of a day is that day's result.
 * <p>
 * Day P&L is the change over the day of realized + unrealized − fees: {@code netPnl = realizedPnl − fees +
 * unrealizedPnl}, where {@code unrealizedPnl} is the unrealized P&L now less what the positions carried into the day
 * had at its start. Closing a carried position at an unchanged price therefore moves the day's P&L by nothing but its
 * fee.
 *
 * @param tradingDay      the day in {@code timeZone}
 * @param timeZone        the user's trading-day zone (IANA), UTC by default
 * @param realizedPnl     realized today by reducing fills, before fees
 * @param fees            today's fees
 * @param unrealizedPnl   change of the open positions' unrealized P&L since the day began
 * @param netPnl          realized − fees + unrealized: negative is a loss
 * @param trades          fills applied today
 * @param maxDailyLossUsd the user's limit at the time, null when none is known
 * @param accounts        the same figures per broker account the user traded or held positions on today
 */
public record DailyPnl(
        int schemaVersion,
        UUID userId,
        LocalDate tradingDay,
        String timeZone,
        BigDecimal realizedPnl,
        BigDecimal fees,
        BigDecimal unrealizedPnl,
        BigDecimal netPnl,
        long trades,
        BigDecimal maxDailyLossUsd,
        List<Account> accounts,
        Instant asOf) implements Event {
    public static final String TYPE = "tradeplex.portfolio.daily-pnl.v1";
    public static final int SCHEMA_VERSION = 1;

    public DailyPnl {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    public record Account(UUID accountId, BigDecimal realizedPnl, BigDecimal fees, BigDecimal unrealizedPnl,
                          BigDecimal netPnl, long trades) {
    }
}
