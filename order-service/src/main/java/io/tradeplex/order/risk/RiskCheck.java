package io.tradeplex.order.risk;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.user.UserStates;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link RiskRules} over this instance's view of users, controls and prices. */
@ApplicationScoped
public class RiskCheck {
    private final UserStates users;
    private final TradingControls controls;
    private final LatestPrices prices;
    private final ExposureRepository exposures;
    private final Clock clock = Clock.systemUTC();

    public RiskCheck(UserStates users, TradingControls controls, LatestPrices prices, ExposureRepository exposures) {
        this.users = users;
        this.controls = controls;
        this.prices = prices;
        this.exposures = exposures;
    }

    /**
     * The rules over what the user already holds (position size, open positions), at the limit or latest price. Must
     * run inside the user's transaction.
     *
     * @param askRecorded whether the asked order is already recorded (and so counted as open): it must not count
     *                    against itself
     */
    public Uni<Optional<Rejection>> checkExposure(UUID userId, RiskRules.Ask ask, Side side, boolean askRecorded) {
        Optional<UserState.Limits> limits = users.of(userId).flatMap(user -> RiskRules.limitsFor(user, ask.accountId()));
        Optional<BigDecimal> price = RiskRules.priceOf(ask, prices.of(ask.symbol()).map(MarketTick::price));
        if (limits.isEmpty() || price.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        ExposureRules.Ask exposureAsk = new ExposureRules.Ask(ask.accountId(), ask.symbol(), side, ask.quantity(), price.get());
        return exposures.of(userId)
                .map(held -> askRecorded ? withoutAsk(held, exposureAsk) : held)
                .map(held -> ExposureRules.check(limits.get(), exposureAsk, held));
    }

    private static List<Exposure> withoutAsk(List<Exposure> held, ExposureRules.Ask ask) {
        return held.stream().map(exposure -> !exposure.accountId().equals(ask.accountId())
                        || !exposure.symbol().equals(ask.symbol()) ? exposure
                        : ask.side() == Side.BUY
                        ? new Exposure(exposure.accountId(), exposure.symbol(), exposure.position(),
                        exposure.openBuy().subtract(ask.quantity()).max(BigDecimal.ZERO), exposure.openSell())
                        : new Exposure(exposure.accountId(), exposure.symbol(), exposure.position(), exposure.openBuy(),
                        exposure.openSell().subtract(ask.quantity()).max(BigDecimal.ZERO)))
                .toList();
    }

    /**
     * Why the user may not trade at all right now, if so: for orders already at a broker, which a tick could otherwise
     * fill after a kill switch (e.g. one set while this instance was down).
     */
    public Optional<String> haltedBecause(UUID userId) {
        Optional<String> global = controls.globalKillSwitch().map(on -> "global kill switch: " + on.reason());
        return global.isPresent() ? global : users.of(userId).flatMap(UserStates::haltReason);
    }

    public Optional<Rejection> check(UUID userId, RiskRules.Ask ask) {
        return RiskRules.check(users.of(userId), controls.globalKillSwitch(), ask,
                prices.of(ask.symbol()).map(MarketTick::price), clock.instant());
    }
}
