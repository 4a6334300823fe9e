package io.tradeplex.contracts.auth;

import io.tradeplex.contracts.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user account was created: by sign-up, or by an administrator's bulk import (then {@code onboarding} carries what the
 * administrator chose for the user, so the profile is created with it in one step and never half-configured).
 */
public record UserRegistered(
        int schemaVersion, UUID userId, String email, String displayName, List<String> roles, Instant registeredAt,
        Onboarding onboarding)
        implements Event {
    public static final String TYPE = "tradeplex.auth.user-registered.v1";
    public static final int SCHEMA_VERSION = 1;

    public UserRegistered(int schemaVersion, UUID userId, String email, String displayName, List<String> roles,
                          Instant registeredAt) {
        this(schemaVersion, userId, email, displayName, roles, registeredAt, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /**
     * An administrator's settings for an imported user. Null fields follow the tier.
     *
     * @param importedBy the administrator
     */
    public record Onboarding(UUID importedBy, String tier, BigDecimal maxPositionSizeUsd, BigDecimal maxDailyLossUsd,
                             Integer maxOpenPositions, List<String> allowedSymbols, Boolean tradeOnly) {
    }
}
