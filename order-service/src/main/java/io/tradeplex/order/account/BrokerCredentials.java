package io.tradeplex.order.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's keys as user-service's vault reveals them to this service. Held only for the call to the broker that
 * needs them and never stored, logged or put on an event; {@link #toString()} shows no secret.
 */
public record BrokerCredentials(UUID accountId, String broker, String apiKey, String apiSecret, String accessToken,
                                Instant sessionExpiresAt, String brokerUserId) {
    @Override
    public String toString() {
        return "BrokerCredentials[accountId=" + accountId + ", broker=" + broker + ", secrets=***]";
    }
}
