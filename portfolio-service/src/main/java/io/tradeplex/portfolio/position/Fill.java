package io.tradeplex.portfolio.position;

import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution as position arithmetic sees it.
 *
 * @param quantity unsigned, the side gives the direction
 * @param fee in the quote currency, may be negative (a maker rebate)
 */
public record Fill(Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee) {

    public Fill {
        Objects.requireNonNull(side, "side");
        requireStorable("quantity", quantity);
        requireStorable("price", price);
        requireStorable("fee", fee);
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive");
        }
    }

    public static Fill of(OrderFilled event) {
        return new Fill(event.side(), event.fillQuantity(), event.fillPrice(), event.fee());
    }

    /** Positive for a buy, negative for a sell: what the fill adds to a signed position. */
    public BigDecimal signedQuantity() {
        return side == Side.BUY ? quantity : quantity.negate();
    }

    /** More decimals than the ledger keeps would be rounded away silently by the database; refuse them instead. */
    private static void requireStorable(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.stripTrailingZeros().scale() > Position.SCALE) {
            throw new IllegalArgumentException(name + " has more than " + Position.SCALE + " decimals");
        }
    }
}
