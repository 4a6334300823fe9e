package io.tradeplex.portfolio.position;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "positions")
public class PositionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;
    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;
    @Column(nullable = false, updatable = false)
    public String symbol;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal quantity;
    @Column(name = "avg_price", nullable = false, precision = 38, scale = 18)
    public BigDecimal avgPrice;
    @Column(name = "realized_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal realizedPnl;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal fees;
    /** realized − fees of the round trip under way: see {@link RoundTrips}. */
    @Column(name = "trip_pnl", nullable = false, precision = 38, scale = 18)
    public BigDecimal tripPnl = BigDecimal.ZERO;
    @Column(name = "round_trips", nullable = false)
    public int roundTrips;
    @Column(name = "winning_round_trips", nullable = false)
    public int winningRoundTrips;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
