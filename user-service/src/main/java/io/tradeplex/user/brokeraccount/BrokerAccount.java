package io.tradeplex.user.brokeraccount;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A trading account the user holds at a broker. Never serialised: {@link BrokerAccountView} is the API's view. Its
 * secrets are not here but in the credential vault.
 */
@Entity
@Table(name = "broker_accounts")
public class BrokerAccount {
    /** Usable for trading. */
    public static final String STATUS_READY = "READY";
    /** Its user was deleted. */
    public static final String STATUS_CLOSED = "CLOSED";
    /** A Kite account without a current session: the user must log in to Kite (again) before it can trade. */
    public static final String STATUS_LOGIN_REQUIRED = "LOGIN_REQUIRED";

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    /** {@link Broker#wire()} */
    @Column(nullable = false)
    public String broker;
    @Column(nullable = false)
    public String label;
    @Column(name = "capital_usd", nullable = false, precision = 20, scale = 2)
    public BigDecimal capitalUsd;
    @Column(name = "risk_tolerance", nullable = false)
    public String riskTolerance;
    /** As stored; a Kite session past {@link #sessionExpiresAt} reads as {@link #STATUS_LOGIN_REQUIRED} (see {@link #statusAt}). */
    @Column(nullable = false)
    public String status;
    /** Null: the user's own limit applies. */
    @Column(name = "max_position_size_usd", precision = 20, scale = 2)
    public BigDecimal maxPositionSizeUsd;
    @Column(name = "max_daily_loss_usd", precision = 20, scale = 2)
    public BigDecimal maxDailyLossUsd;
    @Column(name = "max_open_positions")
    public Integer maxOpenPositions;
    /** The broker's own id for the account holder: Kite's user_id. */
    @Column(name = "broker_user_id")
    public String brokerUserId;
    /** When the broker session (Kite's access token) ends. */
    @Column(name = "session_expires_at")
    public Instant sessionExpiresAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** An operator's outbound proxy for this account's broker calls, {@code http://host:port}; null for none. */
    @Column(name = "egress_proxy")
    public String egressProxy;
    /** An operator's local source address for this account's broker calls; null for the system's choice. */
    @Column(name = "egress_source_address")
    public String egressSourceAddress;

    public boolean is(Broker broker) {
        return broker.wire().equals(this.broker);
    }

    /** Kite flushes sessions daily: an expired one is computed on read rather than waited for by a job. */
    public boolean sessionExpiredAt(Instant now) {
        return sessionExpiresAt != null && !now.isBefore(sessionExpiresAt);
    }

    public String statusAt(Instant now) {
        return STATUS_READY.equals(status) && sessionExpiredAt(now) ? STATUS_LOGIN_REQUIRED : status;
    }
}
