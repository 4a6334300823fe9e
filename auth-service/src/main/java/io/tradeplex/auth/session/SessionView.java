package io.tradeplex.auth.session;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the caller's live sessions.
 *
 * @param expiresAt when it ends unless used again: the earlier of the idle timeout and the absolute end
 * @param current   true for the session of the access token that asked
 */
public record SessionView(UUID sessionId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent,
                          String clientAddress, boolean current) {
}
