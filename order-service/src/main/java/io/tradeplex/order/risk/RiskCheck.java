package io.tradeplex.order.risk;

import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.order.execution.Rejection;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.user.UserStates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** {@link RiskRules} over this instance's view of users, controls and prices. */
@ApplicationScoped
public class RiskCheck {
    private final UserStates users;
    private final TradingControls controls;
    private final LatestPrices prices;
    private final Clock clock = Clock.systemUTC();

    public RiskCheck(UserStates users, TradingControls controls, LatestPrices prices) {
        this.users = users;
        this.controls = controls;
        this.prices = prices;
    }

    public Optional<Rejection> check(UUID userId, RiskRules.Ask ask) {
        return RiskRules.check(users.of(userId), controls.globalKillSwitch(), ask,
                prices.of(ask.symbol()).map(MarketTick::price), clock.instant());
    }
}
