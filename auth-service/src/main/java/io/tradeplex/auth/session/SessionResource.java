package io.tradeplex.auth.session;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.token.AccessTokenIssuer;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
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
    public Uni<Response> login(@Valid @NotNull LoginRequest body) {
        return sessions.login(body.email(), body.password()).map(SessionResource::noStore);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> refresh(@Valid @NotNull RefreshRequest body) {
        return sessions.refresh(body.refreshToken()).map(SessionResource::noStore);
    }

    /** Ends the session named by the access token's {@code sid}; the access token itself lives on until {@code exp}. */
    @POST
    @Path("/logout")
    @Authenticated
    public Uni<Response> logout() {
        UUID userId = currentUser.id();
        UUID sessionId = sessionIdOf(token);
        Uni<Void> revoked = sessionId == null ? Uni.createFrom().voidItem() : sessions.logout(userId, sessionId);
        return revoked.map(ignored -> Response.noContent().build());
    }

    /** A token not issued by a login (no or malformed {@code sid}) has no session to end. */
    private static UUID sessionIdOf(JsonWebToken token) {
        Object sid = token.getClaim(AccessTokenIssuer.SESSION_CLAIM);
        if (sid == null) {
            return null;
        }
        try {
            return UUID.fromString(sid instanceof JsonString json ? json.getString() : sid.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RFC 6749 §5.1: token answers must not be cached anywhere. */
    private static Response noStore(TokenResponse tokens) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoTransform(false);
        return Response.ok(tokens).cacheControl(cache).header("Pragma", "no-cache").build();
    }
}
