package io.tradeplex.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "fills")
public class FillEntity {
    @Id
    public UUID id;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String broker;
    @Column(name = "fill_id", nullable = false)
    public String fillId;
    @Column(nullable = false)
    public BigDecimal quantity;
    @Column(nullable = false)
    public BigDecimal price;
    @Column(nullable = false)
    public BigDecimal fee;
    @Column(name = "fee_currency", nullable = false)
    public String feeCurrency;
    @Column(name = "executed_at", nullable = false)
    public Instant executedAt;
}
