package io.tradeplex.contracts.users;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The user's current state on the compacted {@code tradeplex.users.v1}, keyed by user id: the latest record per user is
 * all a reader needs. Later versions add limits and kill switches as new optional fields.
 *
 * @param permissions the effective permissions: the roles' defaults plus grants minus revocations
 */
public record UserState(
        int schemaVersion,
        UUID userId,
        String email,
        String tier,
        String status,
        boolean emailVerified,
        List<String> roles,
        List<String> permissions,
        Instant updatedAt) implements Event {
    public static final String TYPE = "tradeplex.users.state.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
