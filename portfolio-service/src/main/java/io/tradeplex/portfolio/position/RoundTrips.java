package io.tradeplex.portfolio.position;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A position's round trips: it opens from flat and ends when it is back at zero or goes through it (a reversal ends
 * one trip and opens the next at the fill price). A trip is won when what it realized, net of every fee paid on the
 * way, is positive — the win rate traders mean, rather than a share of individual fills.
 *
 * @param openPnl realized − fees of the trip under way (fees make it negative until the position is reduced)
 * @param closed  trips ended
 * @param won     ended trips whose net result was positive
 */
public record RoundTrips(BigDecimal openPnl, int closed, int won) {
    public static final RoundTrips NONE = new RoundTrips(BigDecimal.ZERO, 0, 0);

    public RoundTrips after(Position before, Fill fill, Position.Applied applied) {
        if (!applied.reduced()) {
            return new RoundTrips(openPnl.subtract(fill.fee()), closed, won);
        }
        Position after = applied.position();
        if (after.quantity().signum() == before.quantity().signum()) {
            return new RoundTrips(openPnl.add(applied.realizedPnl()).subtract(fill.fee()), closed, won);
        }
        // The part of the fee paid on the closing quantity belongs to the trip that ends; the rest to the next one.
        BigDecimal closingFee = after.isOpen()
                ? fill.fee().multiply(applied.closedQuantity()).divide(fill.quantity(), Position.SCALE, RoundingMode.HALF_EVEN)
                : fill.fee();
        BigDecimal result = openPnl.add(applied.realizedPnl()).subtract(closingFee);
        BigDecimal next = after.isOpen() ? closingFee.subtract(fill.fee()) : BigDecimal.ZERO;
        return new RoundTrips(next, closed + 1, won + (result.signum() > 0 ? 1 : 0));
    }
}
