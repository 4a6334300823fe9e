package io.tradeplex.order.execution;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.kit.context.RequestContext;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.order.FillEntity;
import io.tradeplex.order.order.FillRepository;
import io.tradeplex.order.order.OrderEntity;
import io.tradeplex.order.order.OrderMapper;
import io.tradeplex.order.order.OrderRepository;
import io.tradeplex.order.order.Routing;
import io.tradeplex.order.broker.Brokers;
import io.tradeplex.order.metrics.OrderMetrics;
import io.tradeplex.order.risk.ExposureLedger;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every change of an order's state, each in one transaction with its event in the outbox, under a row lock so a fill
 * and a cancel of the same order can never both win.
 */
@ApplicationScoped
public class OrderLifecycle {
    /** A new order refused because an earlier one of the same user could not be reconciled in time. */
    public static final String RECONCILING = "RECONCILING";
    /** The reason an order cancelled on its owner's request carries. */
    public static final String CANCELLED_BY_USER = OrderCancelled.BY_USER;
    private static final Logger LOG = Logger.getLogger(OrderLifecycle.class);
    private static final String COMMAND_CONSUMER = "order-commands";
    private static final int PRICE_SCALE = 18;

    private final OrderRepository orders;
    private final FillRepository fills;
    private final PreTradeChecks checks;
    private final Outbox outbox;
    private final Inbox inbox;
    private final ExposureLedger exposure;
    private final Brokers brokers;
    private final OrderMetrics metrics;

    public OrderLifecycle(OrderRepository orders, FillRepository fills, PreTradeChecks checks, Outbox outbox, Inbox inbox,
                          ExposureLedger exposure, Brokers brokers, OrderMetrics metrics) {
        this.orders = orders;
        this.fills = fills;
        this.checks = checks;
        this.outbox = outbox;
        this.inbox = inbox;
        this.exposure = exposure;
        this.brokers = brokers;
        this.metrics = metrics;
    }

    /**
     * Runs the pre-trade checks on a place command and accepts or rejects the order. Runs as the command's user, so a
     * command naming another user's order id finds nothing of theirs and cannot record a row for anyone else.
     * <p>
     * A user with an uncertain order (one a broker may have filled without our knowing) takes no new order until it
     * is reconciled: the exposure rules would otherwise count without that fill. With {@code mayWaitForReconciliation}
     * nothing is written and the uncertain orders come back to be reconciled first; without it, the new order is
     * rejected with {@link #RECONCILING}.
     */
    public Uni<Acceptance> accept(String commandId, PlaceOrder command, boolean mayWaitForReconciliation) {
        return Tenant.transaction(command.userId(), () -> orders.uncertainOf(command.userId()).chain(uncertain -> {
            if (!uncertain.isEmpty() && mayWaitForReconciliation) {
                return Uni.createFrom().item(Acceptance.afterReconciling(uncertain.stream().map(OpenOrder::of).toList()));
            }
            return inbox.firstDelivery(COMMAND_CONSUMER, commandId)
                    .chain(first -> first ? orderOf(command) : Uni.createFrom().nullItem())
                    .chain(order -> {
                        if (order == null || order.status != OrderStatus.PENDING) {
                            return Uni.createFrom().item(Acceptance.nothing());
                        }
                        Instant now = Instant.now();
                        if (!uncertain.isEmpty()) {
                            return reject(order, new Rejection(RECONCILING, "Your order " + uncertain.get(0).id
                                    + " is being looked up at its broker; place this order again once it is settled"), now)
                                    .replaceWith(Acceptance.refusedAsReconciling());
                        }
                        return checks.check(order)
                                .map(rejection -> Uni.createFrom().item(Optional.of(rejection)))
                                .orElseGet(() -> checks.checkExposure(order))
                                .chain(rejection -> rejection
                                        .map(refused -> {
                                            metrics.riskRejection(refused.code());
                                            return reject(order, refused, now).replaceWith(Acceptance.nothing());
                                        })
                                        .orElseGet(() -> {
                                            LOG.infof("Order %s accepted for %s", order.id, order.broker);
                                            order.moveTo(OrderStatus.ACCEPTED, now);
                                            order.acceptedAt = now;
                                            return publish(order, OrderMapper.toAccepted(order))
                                                    .chain(() -> fillAtOnce(order))
                                                    .map(Acceptance::route);
                                        }));
                    });
        }));
    }

    /**
     * A broker that can execute right away (the paper broker at the latest tick) fills in the accepting transaction:
     * one commit instead of two on the busiest path.
     *
     * @return what is left to route, or null when nothing is
     */
    private Uni<OpenOrder> fillAtOnce(OrderEntity order) {
        Optional<Execution> now = brokers.of(order.broker).flatMap(broker -> broker.executionAtOnce(OpenOrder.of(order)));
        return now.map(execution -> record(order, execution)).orElseGet(() -> Uni.createFrom().item(true))
                .map(ignored -> order.remainingQuantity().signum() > 0 ? OpenOrder.of(order) : null);
    }

    /**
     * Written before a request for the order leaves for its broker, so a crash mid-send leaves an order that is looked
     * up rather than forgotten or sent twice. Only one caller can win: the order must be open and not yet sent.
     *
     * @return true if the caller may send the order now
     */
    public Uni<Boolean> markSending(OpenOrder open) {
        return Tenant.transaction(open.userId(), () -> orders.findOwnedForUpdate(open.userId(), open.orderId())
                .map(order -> {
                    if (order == null || !isOpen(order) || order.routing != Routing.NOT_SENT) {
                        return false;
                    }
                    order.routing = Routing.SENDING;
                    order.routedAt = Instant.now();
                    return true;
                }));
    }

    /**
     * The broker's answer to a request that may have placed the order was lost. The time is kept: the request was
     * signed before it, which tells a broker with a receive window (Binance) when the request can no longer arrive.
     */
    public Uni<Void> markUnknown(OpenOrder open) {
        return Tenant.transaction(open.userId(), () -> orders.findOwnedForUpdate(open.userId(), open.orderId())
                .invoke(order -> {
                    if (order != null && order.routing != Routing.CONFIRMED) {
                        LOG.warnf("Order %s is UNKNOWN at %s until it is looked up", order.id, order.broker);
                        order.routing = Routing.UNKNOWN;
                        order.routedAt = Instant.now();
                    }
                })
                .replaceWithVoid());
    }

    /** @param brokerOrderId the broker's id for the order, if it gave one */
    public Uni<Void> confirmed(OpenOrder open, String brokerOrderId) {
        return Tenant.transaction(open.userId(), () -> orders.findOwnedForUpdate(open.userId(), open.orderId())
                .invoke(order -> {
                    if (order != null) {
                        order.routing = Routing.CONFIRMED;
                        if (brokerOrderId != null) {
                            order.brokerOrderId = brokerOrderId;
                        }
                    }
                })
                .replaceWithVoid());
    }

    /** @return null if the user has no such order */
    public Uni<RoutingState> routingOf(OpenOrder open) {
        return Tenant.transaction(open.userId(), () -> orders.findOwned(open.userId(), open.orderId())
                .map(order -> order == null ? null
                        : new RoutingState(order.status, order.routing, order.routedAt, order.brokerOrderId)));
    }

    /**
     * @param userId the order's owner: a broker reports fills of orders it was given, which carry it
     * @return true if the fill was applied; false for a repeat or an order that is no longer open
     */
    public Uni<Boolean> applyFill(UUID userId, UUID orderId, Execution execution) {
        return Tenant.transaction(userId, () -> orders.findOwnedForUpdate(userId, orderId)
                .chain(order -> {
                    if (order == null || !isOpen(order)) {
                        return Uni.createFrom().item(false);
                    }
                    return fills.count("broker = ?1 and fillId = ?2", order.broker, execution.fillId())
                            .chain(seen -> seen > 0 ? Uni.createFrom().item(false) : record(order, execution));
                }));
    }

    /**
     * A broker refused an order after we accepted it (or it could not be sent at all). Only an order that nothing has
     * filled yet can be refused; a partly filled one stays as it is.
     */
    public Uni<Void> brokerRejected(OpenOrder open, Rejection rejection) {
        return Tenant.transaction(open.userId(), () -> orders.findOwnedForUpdate(open.userId(), open.orderId())
                .chain(order -> order == null || order.status != OrderStatus.ACCEPTED ? Uni.createFrom().voidItem()
                        : reject(order, rejection, Instant.now())));
    }

    /** @return the cancelled order, or null if the caller has no such order */
    public Uni<OrderEntity> cancel(UUID userId, UUID orderId, String reason) {
        return Tenant.transaction(userId, () -> orders.findOwnedForUpdate(userId, orderId)
                .chain(order -> {
                    if (order == null) {
                        return Uni.createFrom().nullItem();
                    }
                    if (!order.status.canMoveTo(OrderStatus.CANCELLED)) {
                        throw new OrderNotOpenException(order.status);
                    }
                    order.moveTo(OrderStatus.CANCELLED, Instant.now());
                    return exposure.ended(order, order.remainingQuantity())
                            .chain(() -> publish(order, OrderMapper.toCancelled(order, reason))).replaceWith(order);
                }));
    }

    /**
     * Cancels an order whose place command has not been worked yet, so no broker has it: under the row lock, so the
     * command, when it comes, finds the order no longer PENDING and routes nothing.
     *
     * @return false when the order is not PENDING (any more): it may have been accepted and sent meanwhile
     */
    public Uni<Boolean> cancelPending(UUID userId, UUID orderId, String reason) {
        return Tenant.transaction(userId, () -> orders.findOwnedForUpdate(userId, orderId)
                .chain(order -> {
                    if (order == null || order.status != OrderStatus.PENDING) {
                        return Uni.createFrom().item(false);
                    }
                    order.moveTo(OrderStatus.CANCELLED, Instant.now());
                    return exposure.ended(order, order.remainingQuantity())
                            .chain(() -> publish(order, OrderMapper.toCancelled(order, reason))).replaceWith(true);
                }));
    }

    private Uni<Boolean> record(OrderEntity order, Execution execution) {
        BigDecimal quantity = execution.quantity().min(order.remainingQuantity());
        BigDecimal filledBefore = order.filledQuantity;
        BigDecimal filledAfter = filledBefore.add(quantity);
        BigDecimal notionalBefore = order.avgFillPrice == null ? BigDecimal.ZERO : order.avgFillPrice.multiply(filledBefore);
        order.avgFillPrice = notionalBefore.add(execution.price().multiply(quantity))
                .divide(filledAfter, PRICE_SCALE, RoundingMode.HALF_EVEN);
        order.filledQuantity = filledAfter;
        // A fill is the broker's own word that it holds the order.
        order.routing = Routing.CONFIRMED;
        order.moveTo(filledAfter.compareTo(order.quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                execution.executedAt());

        FillEntity fill = new FillEntity();
        fill.id = UUID.randomUUID();
        fill.orderId = order.id;
        fill.userId = order.userId;
        fill.broker = order.broker;
        fill.fillId = execution.fillId();
        fill.quantity = quantity;
        fill.price = execution.price();
        fill.fee = execution.fee();
        fill.feeCurrency = execution.feeCurrency();
        fill.executedAt = execution.executedAt();
        MDC.put(RequestContext.USER_ID, order.userId.toString());
        LOG.infof("Order %s %s: filled %s %s at %s", order.id, order.status, quantity, order.symbol, execution.price());
        return fills.persist(fill)
                .chain(() -> exposure.filled(order, quantity))
                .chain(() -> publish(order, OrderMapper.toFilled(order, fill)))
                .invoke(() -> {
                    if (order.status == OrderStatus.FILLED) {
                        metrics.filled(order.broker, order.acceptedAt, execution.executedAt());
                    }
                })
                .replaceWith(true);
    }

    private static boolean isOpen(OrderEntity order) {
        return order.status == OrderStatus.ACCEPTED || order.status == OrderStatus.PARTIALLY_FILLED;
    }

    private Uni<Void> reject(OrderEntity order, Rejection rejection, Instant at) {
        LOG.infof("Order %s rejected: %s", order.id, rejection.code());
        order.moveTo(OrderStatus.REJECTED, at);
        order.rejectCode = rejection.code();
        order.rejectReason = rejection.reason();
        return exposure.ended(order, order.remainingQuantity()).chain(() -> publish(order, OrderMapper.toRejected(order)));
    }

    /** An order placed through the API already has its row; one from a strategy is recorded here on first sight. */
    private Uni<OrderEntity> orderOf(PlaceOrder command) {
        return orders.findOwnedForUpdate(command.userId(), command.orderId())
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : orders.findByClientOrderId(command.userId(), command.clientOrderId())
                        .chain(byClientId -> byClientId != null ? Uni.createFrom().nullItem() : insert(command)));
    }

    private Uni<OrderEntity> insert(PlaceOrder command) {
        OrderEntity order = new OrderEntity();
        order.id = command.orderId();
        order.userId = command.userId();
        order.accountId = command.accountId();
        order.broker = command.broker();
        order.clientOrderId = command.clientOrderId();
        order.symbol = command.symbol();
        order.side = command.side();
        order.type = command.type();
        order.quantity = command.quantity();
        order.limitPrice = command.limitPrice();
        order.status = OrderStatus.PENDING;
        order.routing = Routing.NOT_SENT;
        order.filledQuantity = BigDecimal.ZERO;
        order.origin = command.origin();
        order.createdAt = command.requestedAt();
        order.updatedAt = command.requestedAt();
        return orders.persist(order).call(exposure::opened);
    }

    private Uni<Void> publish(OrderEntity order, io.tradeplex.contracts.orders.OrderEvent event) {
        String user = order.userId.toString();
        OrderStatus status = order.status;
        return outbox.add(Topics.ORDERS, user, user, event)
                .invoke(() -> metrics.transition(status, order.broker))
                .replaceWithVoid();
    }
}
