package io.tradeplex.auth.session;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.token.TokenConfig;
import io.tradeplex.kit.context.RequestContext;
import io.tradeplex.kit.problem.Problem;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Refuses, on every authenticated endpoint of this service, access tokens whose session has ended (logged out, ended
 * from another device, revoked for refresh-token reuse, idle or past its absolute end). A signature check alone would
 * accept them until their {@code exp}. The kit's revocation list refuses revoked sessions too, but only once the
 * {@code SessionRevoked} event has come back through Kafka, and it cannot know about expiry; here the session table
 * is at hand, so the answer is exact and immediate.
 */
public class LiveSessionFilter {
    /** The kit's code for the same refusal, so clients see one code whichever check answers first. */
    public static final String SESSION_REVOKED = "SESSION_REVOKED";
    /** Idle, past its absolute end, or a token that names no session of this user. */
    public static final String SESSION_ENDED = "SESSION_ENDED";

    private final CurrentIdentityAssociation identity;
    private final LoginSessionRepository sessions;
    private final Clock clock;
    private final Duration idleTimeout;

    public LiveSessionFilter(CurrentIdentityAssociation identity, LoginSessionRepository sessions, Clock clock,
                             TokenConfig config) {
        this.identity = identity;
        this.sessions = sessions;
        this.clock = clock;
        this.idleTimeout = config.sessionIdleTimeout();
    }

    @ServerRequestFilter
    public Uni<Response> requireLiveSession(ResourceInfo resource, UriInfo uri) {
        if (!needsIdentity(resource)) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                // No or a bad token: the endpoint's own security answers that, with the usual 401.
                .onFailure().recoverWithNull()
                .chain(caller -> {
                    if (caller == null || caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken jwt)) {
                        return Uni.createFrom().nullItem();
                    }
                    UUID sessionId = SessionClaims.sessionId(jwt);
                    UUID userId = userId(jwt);
                    if (sessionId == null || userId == null) {
                        return Uni.createFrom().item(ended(uri));
                    }
                    return Tenant.transaction(userId, () -> sessions.findOwn(sessionId, userId)).map(session -> {
                        if (session != null && session.revokedAt != null) {
                            return revoked(uri);
                        }
                        return session != null && session.liveAt(clock.instant(), idleTimeout) ? null : ended(uri);
                    });
                });
    }

    private static boolean needsIdentity(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Authenticated.class)
                || resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(Authenticated.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class));
    }

    private static UUID userId(JsonWebToken jwt) {
        try {
            return jwt.getSubject() == null ? null : UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response revoked(UriInfo uri) {
        return unauthorized(uri, SESSION_REVOKED, "This session has ended; log in again");
    }

    private static Response ended(UriInfo uri) {
        return unauthorized(uri, SESSION_ENDED, "This session has expired; log in again");
    }

    private static Response unauthorized(UriInfo uri, String code, String detail) {
        Problem problem = new Problem("about:blank", "Unauthorized", 401, detail, uri.getPath(), code,
                RequestContext.currentRequestId(), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
