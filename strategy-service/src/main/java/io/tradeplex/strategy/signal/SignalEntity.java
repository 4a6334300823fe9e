package io.tradeplex.strategy.signal;

import io.tradeplex.contracts.orders.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A signal a strategy emitted and the order it asked for. */
@Entity
@Table(name = "strategy_signals")
public class SignalEntity {
    public static final String SENT = "SENT";
    public static final String REJECTED = "REJECTED";
    public static final String FILLED = "FILLED";

    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;
    @Column(name = "strategy_id", nullable = false, updatable = false)
    public UUID strategyId;
    @Column(name = "client_order_id", nullable = false, updatable = false)
    public String clientOrderId;
    @Column(nullable = false, updatable = false)
    public String symbol;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Side side;
    @Column(nullable = false, updatable = false, precision = 38, scale = 18)
    public BigDecimal quantity;
    @Column(nullable = false, updatable = false)
    public String kind;
    @Column(nullable = false, updatable = false)
    public String reason;
    @Column(name = "bar_time", nullable = false, updatable = false)
    public Instant barTime;
    @Column(nullable = false)
    public String status;
    @Column(name = "reject_code")
    public String rejectCode;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
