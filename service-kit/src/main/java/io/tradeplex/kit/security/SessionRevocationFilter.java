package io.tradeplex.kit.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.UUID;

/** Refuses an access token whose session was revoked, in every service, not only at the gateway. */
public class SessionRevocationFilter {
    public static final String SESSION_CLAIM = "sid";

    private final CurrentIdentityAssociation identity;
    private final RevokedSessions revoked;

    public SessionRevocationFilter(CurrentIdentityAssociation identity, RevokedSessions revoked) {
        this.identity = identity;
        this.revoked = revoked;
    }

    @ServerRequestFilter
    public Uni<Void> refuseRevokedSessions(ContainerRequestContext request) {
        if (request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity()
                // An unreadable token is the endpoint's security's to answer; this filter only judges valid ones.
                .onFailure().recoverWithNull()
                .invoke(this::refuseIfRevoked)
                .replaceWithVoid();
    }

    private void refuseIfRevoked(SecurityIdentity caller) {
        if (caller != null && caller.getPrincipal() instanceof JsonWebToken jwt) {
            Object sid = jwt.getClaim(SESSION_CLAIM);
            if (sid != null && isUuid(sid.toString()) && revoked.isRevoked(UUID.fromString(sid.toString()))) {
                throw new ApiException(401, "Unauthorized", "SESSION_REVOKED", "This session has ended; log in again",
                        List.of());
            }
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
