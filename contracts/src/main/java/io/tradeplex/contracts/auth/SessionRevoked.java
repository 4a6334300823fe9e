package io.tradeplex.contracts.auth;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.UUID;

/**
 * A login session ended early (logout, refresh-token reuse, ended from another device, admin action). Every verifier
 * refuses access tokens carrying this {@code sid} until {@code notAfter}, when the last of them has expired anyway.
 */
public record SessionRevoked(int schemaVersion, UUID userId, UUID sessionId, String reason, Instant revokedAt,
                             Instant notAfter) implements Event {
    public static final String TYPE = "tradeplex.auth.session-revoked.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
