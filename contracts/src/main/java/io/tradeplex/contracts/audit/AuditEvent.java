package io.tradeplex.contracts.audit;

import io.tradeplex.contracts.Event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something the platform allowed, denied or failed on someone's behalf, on {@code tradeplex.audit.v1} keyed by
 * {@code userId}: the user whose activity log it belongs to. A denied cross-tenant attempt belongs to the attacker.
 *
 * @param actorId who acted: the user, an admin acting on the user, or null for the platform itself
 * @param action  a stable dotted code, e.g. {@code auth.login}, {@code admin.permission.grant}
 * @param outcome {@code ALLOWED}, {@code DENIED} or {@code FAILED}
 * @param reason  for a denial or failure, a stable code such as {@code PERMISSION_MISSING} or {@code BAD_CREDENTIALS}
 * @param details small, non-secret context (never passwords, tokens or keys)
 */
public record AuditEvent(
        int schemaVersion,
        UUID userId,
        UUID actorId,
        String action,
        String outcome,
        String reason,
        String resource,
        String sourceIp,
        Map<String, String> details,
        Instant occurredAt) implements Event {
    public static final String TYPE = "tradeplex.audit.recorded.v1";
    public static final int SCHEMA_VERSION = 1;
    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";
    public static final String FAILED = "FAILED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
