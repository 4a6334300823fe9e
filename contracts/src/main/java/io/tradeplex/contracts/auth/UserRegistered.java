package io.tradeplex.contracts.auth;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record UserRegistered(
        int schemaVersion, UUID userId, String email, String displayName, List<String> roles, Instant registeredAt)
        implements Event {
    public static final String TYPE = "tradeplex.auth.user-registered.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
