package io.tradeplex.gateway.security;

import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.gateway.time.TimeSource;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Sessions ended before their access tokens expire (logout, refresh-token reuse, ended from another device). A
 * session is remembered until its {@code notAfter}, when the last token it issued has expired anyway, so the set
 * holds only the sessions revoked within one access-token lifetime.
 */
@Singleton
public class RevokedSessions {
    private final ConcurrentMap<String, Instant> notAfterBySession = new ConcurrentHashMap<>();
    private final TimeSource time;

    public RevokedSessions(TimeSource time) {
        this.time = time;
    }

    public boolean isRevoked(String sessionId) {
        return notAfterBySession.containsKey(sessionId);
    }

    public void revoke(SessionRevoked event) {
        Instant now = time.now();
        // Forgetting happens here rather than on a timer: the set only grows when revocations arrive.
        notAfterBySession.values().removeIf(notAfter -> !notAfter.isAfter(now));
        if (event.notAfter().isAfter(now)) {
            notAfterBySession.merge(event.sessionId().toString(), event.notAfter(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
