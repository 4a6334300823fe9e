package io.tradeplex.order.risk;

import io.tradeplex.order.execution.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A paper account is a cash account: a buy must be paid from the account's capital, and a sell must come out of what
 * it holds. Shorts are refused, because the cash model has no margin: the proceeds of a short sale would be spendable
 * cash, and an account could borrow without limit. Worst case counts, as in {@link ExposureRules}: every open buy is
 * assumed to fill at its limit (or the latest price with slippage) and pay the higher fee, every open sell to fill.
 */
public final class CapitalRules {
    public static final String INSUFFICIENT_CAPITAL = "INSUFFICIENT_CAPITAL";
    public static final String INSUFFICIENT_POSITION = "INSUFFICIENT_POSITION";

    private CapitalRules() {
    }

    /**
     * @param cost     what the buy could spend: its notional plus the fee
     * @param settled  see {@link PaperCash#settled()}
     * @param reserved what the account's other open buys could still spend, valued like {@code cost}
     */
    public static Optional<Rejection> checkBuy(BigDecimal capitalUsd, BigDecimal cost, BigDecimal settled,
                                               BigDecimal reserved) {
        BigDecimal available = capitalUsd.add(settled).subtract(reserved);
        if (cost.compareTo(available) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(INSUFFICIENT_CAPITAL, "The order could cost "
                + cost.setScale(2, RoundingMode.CEILING).toPlainString() + " USD with fees; this paper account has "
                + available.setScale(2, RoundingMode.FLOOR).toPlainString() + " USD available (capital "
                + capitalUsd.toPlainString() + " USD, less what was spent and what your open buy orders reserve)"));
    }

    public static Optional<Rejection> checkSell(UUID accountId, String symbol, BigDecimal quantity, List<Exposure> exposures) {
        BigDecimal sellable = exposures.stream()
                .filter(exposure -> exposure.accountId().equals(accountId) && exposure.symbol().equals(symbol))
                .findFirst()
                .map(exposure -> exposure.position().subtract(exposure.openSell()))
                .orElse(BigDecimal.ZERO);
        if (quantity.compareTo(sellable) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(INSUFFICIENT_POSITION, "This paper account can sell at most "
                + sellable.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " " + symbol
                + " (what it holds, less your open sell orders); paper accounts do not sell short"));
    }
}
