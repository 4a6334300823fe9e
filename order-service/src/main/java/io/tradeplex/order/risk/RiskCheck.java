package io.tradeplex.order.risk;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.broker.paper.PaperBroker;
import io.tradeplex.order.broker.paper.PaperPricing;
import io.tradeplex.order.execution.Rejection;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.user.UserStates;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link RiskRules} over this instance's view of users, controls and prices. */
@ApplicationScoped
public class RiskCheck {
    private final UserStates users;
    private final TradingControls controls;
    private final LatestPrices prices;
    private final ExposureRepository exposures;
    private final PaperCashRepository cash;
    private final PaperPricing pricing;
    private final DailyPnls dailyPnls;
    private final Clock clock = Clock.systemUTC();

    public RiskCheck(UserStates users, TradingControls controls, LatestPrices prices, ExposureRepository exposures,
                     PaperCashRepository cash, PaperPricing pricing, DailyPnls dailyPnls) {
        this.users = users;
        this.controls = controls;
        this.prices = prices;
        this.exposures = exposures;
        this.cash = cash;
        this.pricing = pricing;
        this.dailyPnls = dailyPnls;
    }

    /**
     * The rules over what the user already holds (the day's loss, position size, open positions), at the limit or
     * latest price, and for a paper account with a known capital the cash and holdings it trades from
     * ({@link CapitalRules}). Must run inside the user's transaction.
     *
     * @param recorded the asked order's id when it is already recorded (and so counted as open)
     */
    public Uni<Optional<Rejection>> checkExposure(UUID userId, Optional<UUID> recorded, RiskRules.Ask ask, Side side) {
        Optional<UserState> user = users.of(userId);
        Optional<UserState.Limits> limits = user.flatMap(state -> RiskRules.limitsFor(state, ask.accountId()));
        Optional<BigDecimal> capital = user.flatMap(state -> paperCapitalOf(state, ask.accountId()));
        Optional<BigDecimal> price = RiskRules.priceOf(ask, prices.of(ask.symbol()).map(MarketTick::price));
        if (price.isEmpty() || (limits.isEmpty() && capital.isEmpty())) {
            return Uni.createFrom().item(Optional.empty());
        }
        ExposureRules.Ask exposureAsk = new ExposureRules.Ask(ask.accountId(), ask.symbol(), side, ask.quantity(), price.get());
        // The order being decided must not count against itself; one not yet stored is not counted anyway.
        UUID excluded = recorded.orElseGet(UUID::randomUUID);
        return exposures.of(userId).map(held -> recorded.isPresent() ? withoutAsk(held, exposureAsk) : held).chain(held -> {
            Optional<Rejection> overexposed = user
                    .flatMap(state -> DailyLossRules.check(state, dailyPnls.of(userId), exposureAsk, held, clock.instant()))
                    .or(() -> limits.flatMap(limit -> ExposureRules.check(limit, exposureAsk, held)));
            if (overexposed.isPresent() || capital.isEmpty()) {
                return Uni.createFrom().item(overexposed);
            }
            return side == Side.SELL
                    ? Uni.createFrom().item(CapitalRules.checkSell(ask.accountId(), ask.symbol(), ask.quantity(), held))
                    : checkCash(userId, excluded, ask, capital.get());
        });
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

    /** The capital of the account when it is a paper account listed in the user's published state. */
    private static Optional<BigDecimal> paperCapitalOf(UserState user, UUID accountId) {
        return user.accounts().stream()
                .filter(account -> account.accountId().equals(accountId) && PaperBroker.NAME.equals(account.broker()))
                .map(UserState.Account::capitalUsd)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private Uni<Optional<Rejection>> checkCash(UUID userId, UUID orderId, RiskRules.Ask ask, BigDecimal capitalUsd) {
        return cash.of(userId, ask.accountId(), orderId).map(account -> {
            List<Optional<BigDecimal>> reservations = account.openBuys().stream()
                    .map(open -> costOf(open.symbol(), open.type(), open.limitPrice(), open.remainingQuantity(),
                            open.averageFillPrice()))
                    .toList();
            if (reservations.stream().anyMatch(Optional::isEmpty)) {
                return Optional.of(new Rejection(RiskRules.PRICE_UNAVAILABLE, "One of your open market orders has no"
                        + " price yet, so the cash it reserves is not known; retry in a moment"));
            }
            BigDecimal reserved = reservations.stream().map(Optional::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            return costOf(ask.symbol(), ask.type(), ask.limitPrice(), ask.quantity(), null)
                    .flatMap(cost -> CapitalRules.checkBuy(capitalUsd, cost, account.settled(), reserved));
        });
    }

    /**
     * What a buy could spend: its notional at the limit price, or at the latest price with the market order's
     * slippage (else what it paid so far), plus the higher of the symbol's fees.
     */
    private Optional<BigDecimal> costOf(String symbol, OrderType type, BigDecimal limitPrice, BigDecimal quantity,
                                        BigDecimal paidSoFar) {
        Optional<BigDecimal> price = type == OrderType.LIMIT ? Optional.of(limitPrice)
                : prices.of(symbol).flatMap(tick -> pricing.executionPrice(symbol, Side.BUY, type, null, tick.price()))
                .or(() -> Optional.ofNullable(paidSoFar));
        return price.map(known -> quantity.multiply(known).add(pricing.worstFee(symbol, quantity, known)));
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
