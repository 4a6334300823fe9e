package io.tradeplex.portfolio.trade;

import io.tradeplex.contracts.orders.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One applied fill. Rows are only ever inserted. */
@Entity
@Table(name = "trades")
public class TradeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "account_id", nullable = false)
    public UUID accountId;
    @Column(nullable = false)
    public String broker;
    @Column(name = "fill_id", nullable = false)
    public String fillId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(nullable = false)
    public String symbol;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal quantity;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal price;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal fee;
    @Column(name = "fee_currency", nullable = false)
    public String feeCurrency;
    @Column(name = "closed_quantity", nullable = false, precision = 38, scale = 18)
    public BigDecimal closedQuantity;
    @Column(name = "realized_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal realizedPnl;
    @Column(name = "executed_at", nullable = false)
    public Instant executedAt;
    @Column(name = "event_id", nullable = false)
    public String eventId;
}
