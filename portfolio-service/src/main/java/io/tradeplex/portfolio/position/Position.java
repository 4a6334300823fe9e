package io.tradeplex.portfolio.position;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A position under average-cost accounting. Pure arithmetic, no I/O.
 * <p>
 * Adding to a position (or opening one) moves the average entry price to the quantity-weighted mean of the old
 * average and the fill price. Reducing it leaves the average alone and realizes (fill price − average) × closed
 * quantity, with the sign of the position (a short gains when the price falls). A position that reaches zero closes
 * and forgets its average; a fill larger than the position closes it and opens the remainder on the other side at the
 * fill price. Fees never touch the average or the realized P&L: they are summed apart, and net P&L subtracts them.
 *
 * @param quantity    signed: negative is short, zero is flat
 * @param avgPrice    average entry price of the open quantity; zero when flat
 * @param realizedPnl realized over the position's whole life, before fees
 * @param fees        fees over the position's whole life
 */
public record Position(BigDecimal quantity, BigDecimal avgPrice, BigDecimal realizedPnl, BigDecimal fees) {
    /** Decimals kept, as in the numeric(38, 18) columns: what is computed here is exactly what is stored. */
    public static final int SCALE = 18;
    public static final Position FLAT = new Position(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * The effect of one fill.
     *
     * @param closedQuantity the part of the fill that reduced the previous position (zero if it only opened or added)
     * @param realizedPnl    realized by this fill on the closed quantity, before fees
     */
    public record Applied(Position position, BigDecimal closedQuantity, BigDecimal realizedPnl) {
        /** A fill that reduced a position is a win or a loss; one that only opened or added is neither. */
        public boolean reduced() {
            return closedQuantity.signum() > 0;
        }
    }

    public boolean isOpen() {
        return quantity.signum() != 0;
    }

    public Applied apply(Fill fill) {
        BigDecimal fees = this.fees.add(fill.fee());
        BigDecimal newQuantity = quantity.add(fill.signedQuantity());
        if (quantity.signum() == 0 || quantity.signum() == fill.side().sign()) {
            BigDecimal cost = avgPrice.multiply(quantity.abs()).add(fill.price().multiply(fill.quantity()));
            BigDecimal newAverage = cost.divide(newQuantity.abs(), SCALE, RoundingMode.HALF_EVEN);
            return new Applied(new Position(newQuantity, newAverage, realizedPnl, fees), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal closed = quantity.abs().min(fill.quantity());
        BigDecimal pnl = round(fill.price().subtract(avgPrice).multiply(closed).multiply(BigDecimal.valueOf(quantity.signum())));
        BigDecimal newAverage;
        if (newQuantity.signum() == 0) {
            newAverage = BigDecimal.ZERO;
        } else if (newQuantity.signum() == quantity.signum()) {
            newAverage = avgPrice;
        } else {
            newAverage = fill.price();
        }
        return new Applied(new Position(newQuantity, newAverage, realizedPnl.add(pnl), fees), closed, pnl);
    }

    /** (mark − average) × signed quantity: what closing the position at the mark would realize, before fees. */
    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        return round(markPrice.subtract(avgPrice).multiply(quantity));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.scale() > SCALE ? value.setScale(SCALE, RoundingMode.HALF_EVEN) : value;
    }
}
