package io.tradeplex.order.execution;

import io.tradeplex.order.broker.Brokers;
import io.tradeplex.order.order.OrderEntity;
import io.tradeplex.order.order.OrderService;
import io.tradeplex.order.risk.RiskCheck;
import io.tradeplex.order.risk.RiskRules;
import io.tradeplex.order.user.TradingEligibility;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Decides whether an order may go to its broker. The per-user risk rules (limits, kill switches, daily loss) belong
 * here and run in the command consumer, which owns the user's partition and so sees that user's orders in sequence.
 */
@ApplicationScoped
public class PreTradeChecks {
    public static final String BROKER_UNAVAILABLE = "BROKER_UNAVAILABLE";

    private final TradingEligibility eligibility;
    private final RiskCheck risk;
    private final Brokers brokers;

    public PreTradeChecks(TradingEligibility eligibility, RiskCheck risk, Brokers brokers) {
        this.eligibility = eligibility;
        this.risk = risk;
        this.brokers = brokers;
    }

    /** What the user already holds, read in the command's transaction: see {@link RiskCheck#checkExposure}. */
    public Uni<Optional<Rejection>> checkExposure(OrderEntity order) {
        return risk.checkExposure(order.userId, Optional.of(order.id),
                new RiskRules.Ask(order.accountId, order.symbol, order.type, order.quantity, order.limitPrice), order.side);
    }

    public Optional<Rejection> check(OrderEntity order) {
        // An API order's e-mail verification was checked against the caller's token when it was placed.
        Optional<Rejection> ineligible = eligibility.check(order.userId, OrderService.ORIGIN_API.equals(order.origin));
        if (ineligible.isPresent()) {
            return ineligible;
        }
        // Checked again here although the REST path checked it: a strategy's order comes only this way, and a kill
        // switch or limit change may have landed between the request and this command.
        Optional<Rejection> risky = risk.check(order.userId,
                new RiskRules.Ask(order.accountId, order.symbol, order.type, order.quantity, order.limitPrice));
        if (risky.isPresent()) {
            return risky;
        }
        if (!brokers.supports(order.broker)) {
            return Optional.of(new Rejection(BROKER_UNAVAILABLE, "No adapter for broker " + order.broker + " is enabled"));
        }
        return Optional.empty();
    }
}
