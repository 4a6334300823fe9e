package io.tradeplex.strategy.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "quotes")
public class QuoteEntity {
    @Id
    public String symbol;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal price;
    @Column(nullable = false)
    public String source;
    @Column(nullable = false)
    public long sequence;
    @Column(name = "quoted_at", nullable = false)
    public Instant quotedAt;
}
