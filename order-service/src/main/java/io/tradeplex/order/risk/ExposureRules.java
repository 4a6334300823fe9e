package io.tradeplex.order.risk;

import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules over what a user already holds. Worst case counts: every open order on the same side is assumed to fill,
 * so a burst of orders cannot together exceed what each alone would be allowed. An order that only reduces a position
 * always passes — a limit must never trap a trader in a position.
 */
public final class ExposureRules {
    public static final String MAX_POSITION_SIZE = "MAX_POSITION_SIZE";
    public static final String MAX_OPEN_POSITIONS = "MAX_OPEN_POSITIONS";

    private ExposureRules() {
    }

    public record Ask(UUID accountId, String symbol, Side side, BigDecimal quantity, BigDecimal price) {
    }

    public static Optional<Rejection> check(UserState.Limits limits, Ask ask, List<Exposure> exposures) {
        Exposure current = current(ask, exposures);
        BigDecimal after = worstCaseAfter(current, ask);
        if (after.abs().compareTo(current.position().abs()) <= 0) {
            return Optional.empty();
        }
        BigDecimal notional = after.abs().multiply(ask.price());
        if (notional.compareTo(limits.maxPositionSizeUsd()) > 0) {
            return Optional.of(new Rejection(MAX_POSITION_SIZE, "With your open orders this position could reach "
                    + notional.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD in " + ask.symbol()
                    + "; your limit per position is " + limits.maxPositionSizeUsd().toPlainString() + " USD"));
        }
        long open = exposures.stream().filter(Exposure::isOpen).count();
        if (!current.isOpen() && open >= limits.maxOpenPositions()) {
            return Optional.of(new Rejection(MAX_OPEN_POSITIONS, "You hold " + open + " open positions (or orders);"
                    + " your limit is " + limits.maxOpenPositions()));
        }
        return Optional.empty();
    }

    /** Whether the order only reduces its position, even if every open order on its side fills as well. */
    public static boolean onlyReduces(Ask ask, List<Exposure> exposures) {
        Exposure current = current(ask, exposures);
        return worstCaseAfter(current, ask).abs().compareTo(current.position().abs()) <= 0;
    }

    private static Exposure current(Ask ask, List<Exposure> exposures) {
        return exposures.stream()
                .filter(exposure -> exposure.accountId().equals(ask.accountId()) && exposure.symbol().equals(ask.symbol()))
                .findFirst()
                .orElse(new Exposure(ask.accountId(), ask.symbol(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private static BigDecimal worstCaseAfter(Exposure current, Ask ask) {
        return ask.side() == Side.BUY
                ? current.position().add(current.openBuy()).add(ask.quantity())
                : current.position().subtract(current.openSell()).subtract(ask.quantity());
    }
}
