package io.tradeplex.user.killswitch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A platform-wide control; today only {@link #GLOBAL}, the global kill switch. */
@Entity
@Table(name = "trading_controls")
public class TradingControl {
    public static final String GLOBAL = "global";

    @Id
    public String name;
    @Column(nullable = false)
    public boolean active;
    public String reason;
    @Column(name = "actor_id", nullable = false)
    public UUID actorId;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
