package io.tradeplex.portfolio.daily;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The caller's P&L per trading day in their zone; decimals are written as strings. Today's unrealized figure is marked
 * to the latest ticks, a past day's to its last mark.
 *
 * @param total over every day of the range
 */
public record DailyPnlView(String timeZone, LocalDate from, LocalDate to, List<Day> days, Figures total) {

    /** @param accounts the same figures per broker account */
    public record Day(LocalDate tradingDay, Figures total, List<Figures> accounts) {
    }

    /**
     * @param accountId     null in a total
     * @param unrealizedPnl how far the open positions' unrealized P&L moved over the day
     * @param netPnl        realized − fees + unrealized: negative is a loss
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(UUID accountId, BigDecimal realizedPnl, BigDecimal fees, BigDecimal unrealizedPnl,
                          BigDecimal netPnl, long trades) {
    }
}
