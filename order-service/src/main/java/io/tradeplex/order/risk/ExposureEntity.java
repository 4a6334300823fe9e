package io.tradeplex.order.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One row of a user's running exposure; written only by {@link ExposureLedger}, read by {@link ExposureRepository}. */
@Entity
@Table(name = "exposures")
@IdClass(ExposureEntity.Key.class)
public class ExposureEntity {
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Id
    @Column(name = "account_id")
    public UUID accountId;
    @Id
    public String symbol;
    public BigDecimal position;
    @Column(name = "open_buy")
    public BigDecimal openBuy;
    @Column(name = "open_sell")
    public BigDecimal openSell;

    public static class Key implements Serializable {
        public UUID userId;
        public UUID accountId;
        public String symbol;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId)
                    && Objects.equals(accountId, key.accountId) && Objects.equals(symbol, key.symbol);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, accountId, symbol);
        }
    }
}
