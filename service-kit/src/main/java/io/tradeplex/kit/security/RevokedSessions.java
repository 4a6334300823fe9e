package io.tradeplex.kit.security;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions ended before their access tokens expire (logout, refresh-token reuse, ended from another device).
 * <p>
 * Why a revocation list fed by Kafka rather than a session lookup per request: every service checks locally, in
 * memory, so a revoked token stops working everywhere within the consumer's lag (milliseconds to seconds) without a
 * call to auth-service on the hot path. Each instance reads the auth topic from the beginning with a group of its own,
 * so it also knows revocations from before it started; an entry is dropped once every token of that session has
 * expired anyway.
 */
@ApplicationScoped
public class RevokedSessions {
    private final Map<UUID, Instant> revokedUntil = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Incoming("revoked-sessions")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(SessionRevoked.TYPE)) {
            SessionRevoked revoked = event.decode(SessionRevoked.class);
            if (revoked.notAfter().isAfter(clock.instant())) {
                revokedUntil.merge(revoked.sessionId(), revoked.notAfter(), (a, b) -> a.isAfter(b) ? a : b);
            }
            revokedUntil.values().removeIf(until -> !until.isAfter(clock.instant()));
        }
        return Uni.createFrom().voidItem();
    }

    public boolean isRevoked(UUID sessionId) {
        Instant until = revokedUntil.get(sessionId);
        return until != null && until.isAfter(clock.instant());
    }
}
