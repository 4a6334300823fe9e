package io.tradeplex.user.killswitch;

import java.time.Instant;
import java.util.UUID;

/**
 * @param triggeredBy {@code user}, {@code admin} or {@code system}; null when off
 * @param resettableByUser whether the user may reset it themself (only a switch they set)
 */
public record KillSwitchView(boolean active, String reason, String triggeredBy, UUID actorId, Instant triggeredAt,
                             boolean resettableByUser) {
    public static final KillSwitchView OFF = new KillSwitchView(false, null, null, null, null, false);
}
