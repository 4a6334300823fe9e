package io.tradeplex.order.risk;

import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.users.UserState;
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

    /**
     * Why the user may not trade at all right now, if so: for orders already at a broker, which a tick could otherwise
     * fill after a kill switch (e.g. one set while this instance was down).
     */
    public Optional<String> haltedBecause(UUID userId) {
        Optional<String> global = controls.globalKillSwitch().map(on -> "global kill switch: " + on.reason());
        if (global.isPresent()) {
            return global;
        }
        return users.of(userId).flatMap(state -> state.killSwitch() != null
                ? Optional.of("kill switch: " + state.killSwitch().reason())
                : UserState.STATUS_ACTIVE.equals(state.status()) ? Optional.empty()
                : Optional.of("user " + state.status().toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<Rejection> check(UUID userId, RiskRules.Ask ask) {
        return RiskRules.check(users.of(userId), controls.globalKillSwitch(), ask,
                prices.of(ask.symbol()).map(MarketTick::price), clock.instant());
    }
}
