package io.tradeplex.gateway.security;

import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.gateway.ManualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedSessionsTest {
    private final ManualTime time = new ManualTime();
    private final RevokedSessions revoked = new RevokedSessions(time);

    private SessionRevoked revocation(UUID sessionId, Instant notAfter) {
        return new SessionRevoked(SessionRevoked.SCHEMA_VERSION, UUID.randomUUID(), sessionId, "logout", time.now(), notAfter);
    }

    @Test
    void aSessionIsRevokedUntilItsNotAfter() {
        UUID sessionId = UUID.randomUUID();
        revoked.revoke(revocation(sessionId, time.now().plus(Duration.ofMinutes(15))));

        assertThat(revoked.isRevoked(sessionId.toString())).isTrue();
        assertThat(revoked.isRevoked(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void sessionsPastTheirNotAfterAreForgotten() {
        UUID early = UUID.randomUUID();
        revoked.revoke(revocation(early, time.now().plus(Duration.ofMinutes(15))));
        time.advance(Duration.ofMinutes(16));

        revoked.revoke(revocation(UUID.randomUUID(), time.now().plus(Duration.ofMinutes(15))));

        assertThat(revoked.isRevoked(early.toString())).isFalse();
    }

    @Test
    void aRevocationReadAfterItsNotAfterIsIgnored() {
        UUID sessionId = UUID.randomUUID();
        revoked.revoke(revocation(sessionId, time.now().minusSeconds(1)));

        assertThat(revoked.isRevoked(sessionId.toString())).isFalse();
    }

    @Test
    void theLaterNotAfterWinsWhenASessionIsRevokedTwice() {
        UUID sessionId = UUID.randomUUID();
        revoked.revoke(revocation(sessionId, time.now().plus(Duration.ofMinutes(30))));
        revoked.revoke(revocation(sessionId, time.now().plus(Duration.ofMinutes(5))));
        time.advance(Duration.ofMinutes(10));

        revoked.revoke(revocation(UUID.randomUUID(), time.now().plus(Duration.ofMinutes(15))));

        assertThat(revoked.isRevoked(sessionId.toString())).isTrue();
    }
}
