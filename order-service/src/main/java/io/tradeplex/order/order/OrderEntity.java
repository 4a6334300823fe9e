package io.tradeplex.order.order;

import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "orders")
public class OrderEntity {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "account_id", nullable = false)
    public UUID accountId;
    @Column(nullable = false)
    public String broker;
    @Column(name = "client_order_id", nullable = false)
    public String clientOrderId;
    @Column(nullable = false)
    public String symbol;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderType type;
    @Column(nullable = false)
    public BigDecimal quantity;
    @Column(name = "limit_price")
    public BigDecimal limitPrice;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;
    @Column(name = "filled_quantity", nullable = false)
    public BigDecimal filledQuantity;
    @Column(name = "avg_fill_price")
    public BigDecimal avgFillPrice;
    @Column(name = "reject_code")
    public String rejectCode;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(nullable = false)
    public String origin;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Routing routing;
    @Column(name = "broker_order_id")
    public String brokerOrderId;
    @Column(name = "routed_at")
    public Instant routedAt;
    /** When the order was accepted; null before V9 and for an order never accepted. */
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** Moves the order along its lifecycle; an illegal transition is a bug, never silently applied. */
    public void moveTo(OrderStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Order " + id + " cannot move from " + status + " to " + next);
        }
        status = next;
        updatedAt = at;
    }

    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }
}
