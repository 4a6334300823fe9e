package io.tradeplex.order.execution;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
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
    /** The reason an order cancelled on its owner's request carries. */
    public static final String CANCELLED_BY_USER = "cancelled by the user";
    private static final Logger LOG = Logger.getLogger(OrderLifecycle.class);
    private static final String COMMAND_CONSUMER = "order-commands";
    private static final int PRICE_SCALE = 18;

    private final OrderRepository orders;
    private final FillRepository fills;
    private final PreTradeChecks checks;
    private final Outbox outbox;
    private final Inbox inbox;

    public OrderLifecycle(OrderRepository orders, FillRepository fills, PreTradeChecks checks, Outbox outbox, Inbox inbox) {
        this.orders = orders;
        this.fills = fills;
        this.checks = checks;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    /**
     * Runs the pre-trade checks on a place command and accepts or rejects the order. Runs as the command's user, so a
     * command naming another user's order id finds nothing of theirs and cannot record a row for anyone else.
     *
     * @return the order to hand to its broker, or null when there is nothing to route (a repeat, a rejection)
     */
    public Uni<OpenOrder> accept(String commandId, PlaceOrder command) {
        return Tenant.transaction(command.userId(), () -> inbox.firstDelivery(COMMAND_CONSUMER, commandId)
                .chain(first -> first ? orderOf(command) : Uni.createFrom().nullItem())
                .chain(order -> {
                    if (order == null || order.status != OrderStatus.PENDING) {
                        return Uni.createFrom().nullItem();
                    }
                    Instant now = Instant.now();
                    return checks.check(order)
                            .map(rejection -> Uni.createFrom().item(Optional.of(rejection)))
                            .orElseGet(() -> checks.checkExposure(order))
                            .chain(rejection -> rejection
                                    .map(refused -> reject(order, refused, now).replaceWith((OpenOrder) null))
                                    .orElseGet(() -> {
                                        LOG.infof("Order %s accepted for %s", order.id, order.broker);
                                        order.moveTo(OrderStatus.ACCEPTED, now);
                                        return publish(order, OrderMapper.toAccepted(order)).replaceWith(OpenOrder.of(order));
                                    }));
                }));
    }

    /**
     * @param userId the order's owner: a broker reports fills of orders it was given, which carry it
     * @return true if the fill was applied; false for a repeat or an order that is no longer open
     */
    public Uni<Boolean> applyFill(UUID userId, UUID orderId, Execution execution) {
        return Tenant.transaction(userId, () -> orders.findOwnedForUpdate(userId, orderId)
                .chain(order -> {
                    if (order == null || !(order.status == OrderStatus.ACCEPTED || order.status == OrderStatus.PARTIALLY_FILLED)) {
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
                    return publish(order, OrderMapper.toCancelled(order, reason)).replaceWith(order);
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
                    return publish(order, OrderMapper.toCancelled(order, reason)).replaceWith(true);
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
        return fills.persist(fill).chain(() -> publish(order, OrderMapper.toFilled(order, fill))).replaceWith(true);
    }

    private Uni<Void> reject(OrderEntity order, Rejection rejection, Instant at) {
        LOG.infof("Order %s rejected: %s", order.id, rejection.code());
        order.moveTo(OrderStatus.REJECTED, at);
        order.rejectCode = rejection.code();
        order.rejectReason = rejection.reason();
        return publish(order, OrderMapper.toRejected(order));
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
        order.filledQuantity = BigDecimal.ZERO;
        order.origin = command.origin();
        order.createdAt = command.requestedAt();
        order.updatedAt = command.requestedAt();
        return orders.persist(order);
    }

    private Uni<Void> publish(OrderEntity order, io.tradeplex.contracts.orders.OrderEvent event) {
        String user = order.userId.toString();
        return outbox.add(Topics.ORDERS, user, user, event).replaceWithVoid();
    }
}
