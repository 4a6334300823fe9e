package io.tradeplex.contracts.auth;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.UUID;

public record EmailVerified(int schemaVersion, UUID userId, String email, Instant verifiedAt) implements Event {
    public static final String TYPE = "tradeplex.auth.email-verified.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
