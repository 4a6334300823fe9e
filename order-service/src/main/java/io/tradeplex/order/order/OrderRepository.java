package io.tradeplex.order.order;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every read takes the owner's id: an order is only ever found for the user it belongs to. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<OrderEntity, UUID> {

    public Uni<OrderEntity> findOwned(UUID userId, UUID orderId) {
        return find("id = ?1 and userId = ?2", orderId, userId).firstResult();
    }

    public Uni<OrderEntity> findOwnedForUpdate(UUID userId, UUID orderId) {
        return find("id = ?1 and userId = ?2", orderId, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<OrderEntity> findByClientOrderId(UUID userId, String clientOrderId) {
        return find("userId = ?1 and clientOrderId = ?2", userId, clientOrderId).firstResult();
    }

    public Uni<List<OrderEntity>> search(UUID userId, OrderFilter filter) {
        StringBuilder query = new StringBuilder("userId = :userId");
        Parameters parameters = Parameters.with("userId", userId);
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.symbol() != null) {
            query.append(" and symbol = :symbol");
            parameters.and("symbol", filter.symbol());
        }
        if (filter.accountId() != null) {
            query.append(" and accountId = :accountId");
            parameters.and("accountId", filter.accountId());
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), parameters)
                .page(Page.of(filter.page(), filter.size()))
                .list();
    }

    /** Orders a paper broker must keep watching, e.g. after a restart: every user's, so only in a system transaction. */
    public Uni<List<OrderEntity>> openOrdersAt(String broker) {
        return list("broker = ?1 and status in ?2", broker, List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED));
    }

    /** Must run as the user. */
    public Uni<List<OrderEntity>> openOrdersOf(UUID userId) {
        return list("userId = ?1 and status in ?2", userId, List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED));
    }

    /** Every user's open orders: only in a system transaction. */
    public Uni<List<OrderEntity>> openOrders() {
        return list("status in ?1", List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED));
    }

    /** Must run as the user: their open orders that a broker may hold, or have filled, without our knowing. */
    public Uni<List<OrderEntity>> uncertainOf(UUID userId) {
        return list("userId = ?1 and routing in ?2 and status in ?3", userId, List.of(Routing.SENDING, Routing.UNKNOWN),
                List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED));
    }

    /**
     * Every user's uncertain open orders, and accepted ones that were never handed to their broker although
     * {@code strandedBefore} has passed (a crash between accepting and routing): only in a system transaction.
     */
    public Uni<List<OrderEntity>> toReconcile(Instant strandedBefore) {
        return list("status in ?1 and (routing in ?2 or (routing = ?3 and status = ?4 and updatedAt < ?5))",
                List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED), List.of(Routing.SENDING, Routing.UNKNOWN),
                Routing.NOT_SENT, OrderStatus.ACCEPTED, strandedBefore);
    }

    /** Every user's open orders that one of these brokers confirmed: only in a system transaction. */
    public Uni<List<OrderEntity>> restingAt(List<String> brokers) {
        return list("status in ?1 and routing = ?2 and broker in ?3",
                List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED), Routing.CONFIRMED, brokers);
    }
}
