package io.tradeplex.auth.session;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.throttle.ClientAddress;
import io.tradeplex.kit.security.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final SessionService sessions;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public SessionResource(SessionService sessions, CurrentUser currentUser, JsonWebToken token) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.token = token;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> login(@Valid @NotNull LoginRequest body,
                               @HeaderParam("X-Forwarded-For") String forwardedFor,
                               @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                               @Context HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        Origin origin = new Origin(ClientAddress.of(forwardedFor, peer), userAgent);
        return sessions.login(body.email(), body.password(), body.totp(), origin).map(SessionResource::noStore);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> refresh(@Valid @NotNull RefreshRequest body) {
        return sessions.refresh(body.refreshToken()).map(SessionResource::noStore);
    }

    /**
     * Ends the session named by the access token's {@code sid}; its access tokens are refused from then on, this one
     * included (a second logout with it answers 401, which a client may read as "already logged out").
     */
    @POST
    @Path("/logout")
    @Authenticated
    public Uni<Response> logout() {
        UUID userId = currentUser.id();
        UUID sessionId = SessionClaims.sessionId(token);
        Uni<Void> revoked = sessionId == null ? Uni.createFrom().voidItem() : sessions.logout(userId, sessionId);
        return revoked.map(ignored -> Response.noContent().build());
    }

    /** RFC 6749 §5.1: token answers must not be cached anywhere. */
    private static Response noStore(TokenResponse tokens) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoTransform(false);
        return Response.ok(tokens).cacheControl(cache).header("Pragma", "no-cache").build();
    }
}
