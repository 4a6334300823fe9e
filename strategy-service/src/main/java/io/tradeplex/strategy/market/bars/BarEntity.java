package io.tradeplex.strategy.market.bars;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "bars")
@IdClass(BarEntity.Key.class)
public class BarEntity {
    @Id
    public String symbol;
    /** The interval's label, e.g. {@code 1m}. */
    @Id
    @Column(name = "interval")
    public String interval;
    @Id
    @Column(name = "open_time")
    public Instant openTime;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal open;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal high;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal low;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal close;
    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal volume;

    Bar toBar() {
        BarInterval barInterval = BarInterval.ofLabel(interval)
                .orElseThrow(() -> new IllegalStateException("unknown interval in the bars table: " + interval));
        return new Bar(symbol, barInterval, openTime, open, high, low, close, volume);
    }

    public static class Key implements Serializable {
        public String symbol;
        public String interval;
        public Instant openTime;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(symbol, key.symbol)
                    && Objects.equals(interval, key.interval) && Objects.equals(openTime, key.openTime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(symbol, interval, openTime);
        }
    }
}
