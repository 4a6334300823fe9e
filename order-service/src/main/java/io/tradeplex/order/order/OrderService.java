package io.tradeplex.order.order;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.account.AccountClient;
import io.tradeplex.order.account.BrokerAccount;
import io.tradeplex.order.broker.Brokers;
import io.tradeplex.order.broker.CancelNotConfirmedException;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.execution.OrderNotOpenException;
import io.tradeplex.order.execution.Rejection;
import io.tradeplex.order.metrics.OrderMetrics;
import io.tradeplex.order.risk.ExposureLedger;
import io.tradeplex.order.risk.RiskCheck;
import io.tradeplex.order.risk.RiskRules;
import io.tradeplex.order.user.TradingEligibility;
import io.tradeplex.order.user.UserStates;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting an order means it is durable: the order row and its place command are written in one transaction
 * (the command reaches Kafka through the outbox), so a 202 can never vanish and a failure writes nothing.
 */
@ApplicationScoped
public class OrderService {
    private static final Logger LOG = Logger.getLogger(OrderService.class);
    public static final String ORIGIN_API = "api";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";

    private final OrderRepository orders;
    private final FillRepository fills;
    private final AccountClient accounts;
    private final Outbox outbox;
    private final OrderLifecycle lifecycle;
    private final Brokers brokers;
    private final TradingEligibility eligibility;
    private final AuditTrail audit;
    private final RiskCheck risk;
    private final UserStates userStates;
    private final ExposureLedger exposure;
    private final OrderMetrics metrics;

    public OrderService(OrderRepository orders, FillRepository fills, AccountClient accounts, Outbox outbox,
                        OrderLifecycle lifecycle, Brokers brokers, TradingEligibility eligibility,
                        AuditTrail audit, RiskCheck risk, UserStates userStates, ExposureLedger exposure,
                        OrderMetrics metrics) {
        this.exposure = exposure;
        this.metrics = metrics;
        this.orders = orders;
        this.fills = fills;
        this.accounts = accounts;
        this.outbox = outbox;
        this.lifecycle = lifecycle;
        this.brokers = brokers;
        this.eligibility = eligibility;
        this.audit = audit;
        this.risk = risk;
        this.userStates = userStates;
    }

    /** A placed order, and whether it is a repeat of an earlier request with the same client order id. */
    public record Placement(OrderView order, boolean replayed) {
    }

    /**
     * One transaction decides and records: the replay lookup, the rules, the exposure read and the insert with its
     * command. Only an account the user's published state does not list yet is looked up at user-service, before it.
     *
     * @param emailVerified the caller's {@code email_verified} claim
     */
    public Uni<Placement> place(UUID userId, String bearerToken, boolean emailVerified, PlaceOrderRequest request) {
        return ownedAccount(userId, request.accountId(), bearerToken)
                .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> AccountClient.unavailable())
                .chain(account -> Tenant.transaction(userId, () -> orders.findByClientOrderId(userId, request.clientOrderId())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(Decision.placed(new Placement(OrderMapper.toView(existing, null), true)))
                                : decide(userId, emailVerified, request, account.orElseThrow(OrderService::unknownAccount)))))
                // Two concurrent requests with one client order id: the loser answers with the winner's order.
                .onFailure(OrderService::isUniqueViolation).recoverWithUni(() ->
                        Tenant.transaction(userId, () -> orders.findByClientOrderId(userId, request.clientOrderId()))
                                .map(winner -> Decision.placed(new Placement(OrderMapper.toView(winner, null), true))))
                .onFailure(failure -> hasCode(failure, ACCOUNT_NOT_FOUND)).call(() -> audit.record(audit.denied(
                        userId, userId, "order.place", ACCOUNT_NOT_FOUND, "/api/v1/orders", Map.of("accountId",
                                String.valueOf(request.accountId()), "clientOrderId", request.clientOrderId()))))
                .map(Decision::placementOrThrow);
    }

    /**
     * A refusal is an answer, not a failure, inside the transaction: its audit entry commits with it, and nothing else
     * was written.
     */
    private record Decision(Placement placement, ApiException refusal) {
        static Decision placed(Placement placement) {
            return new Decision(placement, null);
        }

        Placement placementOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return placement;
        }
    }

    /** Ownership first: another user's account id must answer "not yours" before any of its rules. */
    private Uni<Decision> decide(UUID userId, boolean emailVerified, PlaceOrderRequest request, BrokerAccount account) {
        Optional<Rejection> ineligible = eligibility.check(userId, emailVerified);
        if (ineligible.isPresent()) {
            return refuse(userId, request, 403, "Forbidden", ineligible.get());
        }
        Optional<Rejection> risky = risk.check(userId, askOf(request));
        if (risky.isPresent()) {
            return refuse(userId, request, 422, "Unprocessable request", risky.get());
        }
        return risk.checkExposure(userId, Optional.empty(), askOf(request), request.side())
                .chain(overexposed -> overexposed.isPresent()
                        ? refuse(userId, request, 422, "Unprocessable request", overexposed.get())
                        : insert(userId, request, account));
    }

    /**
     * The account from the user's published state when it lists it (no call on the order path); otherwise — a new
     * account whose state is still on its way, a deleted one, no state yet — user-service answers, as the owner of
     * accounts, for the caller's own token.
     */
    private Uni<Optional<BrokerAccount>> ownedAccount(UUID userId, UUID accountId, String bearerToken) {
        Optional<BrokerAccount> known = userStates.of(userId).flatMap(state -> state.accounts().stream()
                .filter(account -> account.accountId().equals(accountId))
                .map(account -> new BrokerAccount(account.accountId(), account.broker(), account.status()))
                .findFirst());
        return known.isPresent() ? Uni.createFrom().item(known) : accounts.ownedAccount(accountId, bearerToken);
    }

    /** A broken rule names itself and lands in the user's activity log; nothing else is written. */
    private Uni<Decision> refuse(UUID userId, PlaceOrderRequest request, int status, String title, Rejection rejection) {
        metrics.riskRejection(rejection.code());
        return audit.within(audit.denied(userId, userId, "order.place", rejection.code(), "/api/v1/orders",
                        Map.of("clientOrderId", request.clientOrderId(), "symbol", request.symbol())))
                .replaceWith(new Decision(null, new ApiException(status, title, rejection.code(), rejection.reason(),
                        List.of())));
    }

    private static RiskRules.Ask askOf(PlaceOrderRequest request) {
        return new RiskRules.Ask(request.accountId(), request.symbol(), request.type(), request.quantity(),
                request.limitPrice());
    }

    public Uni<List<OrderView>> list(UUID userId, OrderFilter filter) {
        return Tenant.transaction(userId, () -> orders.search(userId, filter))
                .map(found -> found.stream().map(order -> OrderMapper.toView(order, null)).toList());
    }

    public Uni<OrderView> get(UUID userId, UUID orderId) {
        return Tenant.transaction(userId, () -> orders.findOwned(userId, orderId)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Order"))
                        .chain(order -> fills.ofOrder(userId, orderId).map(orderFills -> OrderMapper.toView(order,
                                orderFills))))
                .onFailure(OrderService::isNotFound).call(() -> notFoundInCallersLog(userId, "order.read", orderId));
    }

    /** Another user's order reads as unknown, and the attempt lands in the caller's activity log, not the owner's. */
    private Uni<Void> notFoundInCallersLog(UUID userId, String action, UUID orderId) {
        return audit.record(audit.denied(userId, userId, action, "NOT_FOUND", "/api/v1/orders/" + orderId,
                Map.of("orderId", orderId.toString())));
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof ApiException refusal && refusal.status() == 404;
    }

    private static boolean hasCode(Throwable failure, String code) {
        return failure instanceof ApiException refusal && code.equals(refusal.code());
    }

    /**
     * A cancel, and whether it is done: false when the broker took it but has not carried it out yet (the order ends
     * when the broker reports it).
     */
    public record Cancellation(OrderView order, boolean done) {
    }

    /**
     * An order no broker has yet is cancelled here at once. Any other goes through its broker and is CANCELLED only once
     * the broker confirms; if the broker had already filled or ended it, that is applied and the cancel is refused
     * like any cancel of an ended order.
     */
    public Uni<Cancellation> cancel(UUID userId, UUID orderId) {
        return openOrder(userId, orderId)
                .onFailure(OrderService::isNotFound).call(() -> notFoundInCallersLog(userId, "order.cancel", orderId))
                .chain(order -> order.status != OrderStatus.PENDING
                        ? cancelAtBroker(userId, orderId)
                        : lifecycle.cancelPending(userId, orderId, OrderLifecycle.CANCELLED_BY_USER)
                        // Accepted meanwhile: it may be at its broker already.
                        .chain(cancelled -> cancelled ? cancellation(userId, orderId) : cancelAtBroker(userId, orderId)));
    }

    private Uni<Cancellation> cancelAtBroker(UUID userId, UUID orderId) {
        return openOrder(userId, orderId)
                .chain(order -> brokers.cancel(OpenOrder.of(order)))
                .onFailure(OrderNotOpenException.class).transform(failure -> notOpen(failure.getMessage()))
                .onFailure(CancelNotConfirmedException.class).transform(failure -> new ApiException(503,
                        "Service Unavailable", ((CancelNotConfirmedException) failure).code(),
                        failure.getMessage() + "; the order stays open", List.of()))
                .chain(() -> cancellation(userId, orderId));
    }

    private Uni<Cancellation> cancellation(UUID userId, UUID orderId) {
        return get(userId, orderId).map(view -> {
            if (view.status() != OrderStatus.CANCELLED && !view.status().isOpen()) {
                throw notOpen(new OrderNotOpenException(view.status()).getMessage());
            }
            return new Cancellation(view, view.status() == OrderStatus.CANCELLED);
        });
    }

    private Uni<OrderEntity> openOrder(UUID userId, UUID orderId) {
        return Tenant.transaction(userId, () -> orders.findOwned(userId, orderId))
                .onItem().ifNull().failWith(() -> ApiException.notFound("Order"))
                .invoke(order -> {
                    if (!order.status.isOpen()) {
                        throw notOpen(new OrderNotOpenException(order.status).getMessage());
                    }
                });
    }

    private static ApiException notOpen(String message) {
        return ApiException.conflict("ORDER_NOT_OPEN", message);
    }

    private Uni<Decision> insert(UUID userId, PlaceOrderRequest request, BrokerAccount account) {
        OrderEntity order = newOrder(userId, request, account);
        return orders.persist(order)
                .call(exposure::opened)
                .chain(() -> outbox.add(Topics.ORDER_COMMANDS, userId.toString(), userId.toString(),
                        OrderMapper.toCommand(order)))
                .invoke(() -> LOG.infof("Order %s placed (client order id %s)", order.id, order.clientOrderId))
                .map(ignored -> Decision.placed(new Placement(OrderMapper.toView(order, null), false)));
    }

    private static OrderEntity newOrder(UUID userId, PlaceOrderRequest request, BrokerAccount account) {
        Instant now = Instant.now();
        OrderEntity order = new OrderEntity();
        order.id = UUID.randomUUID();
        order.userId = userId;
        order.accountId = account.accountId();
        order.broker = account.broker();
        order.clientOrderId = request.clientOrderId();
        order.symbol = request.symbol();
        order.side = request.side();
        order.type = request.type();
        order.quantity = request.quantity();
        order.limitPrice = request.limitPrice();
        order.status = OrderStatus.PENDING;
        order.routing = Routing.NOT_SENT;
        order.filledQuantity = BigDecimal.ZERO;
        order.origin = ORIGIN_API;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    private static ApiException unknownAccount() {
        return new ApiException(422, "Unprocessable request", ACCOUNT_NOT_FOUND, "No such broker account",
                List.of(new FieldError("accountId", "is not one of your broker accounts")));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String sqlState = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (UNIQUE_VIOLATION.equals(sqlState)) {
                return true;
            }
        }
        return false;
    }
}
