package io.tradeplex.contracts.controls;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * The platform-wide kill switch on the compacted {@code tradeplex.controls.v1}, key {@link #KEY}: while active, no
 * user's order reaches a broker. Turning it off is always an administrator's manual act.
 */
public record GlobalKillSwitch(int schemaVersion, boolean active, String reason, UUID actorId, Instant changedAt)
        implements Event {
    public static final String TYPE = "tradeplex.controls.global-kill-switch.v1";
    public static final int SCHEMA_VERSION = 1;
    public static final String KEY = "global";

    @Override
    public String eventType() {
        return TYPE;
    }
}
