package io.tradeplex.auth.session;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/** The caller's own sessions: see where they are logged in, and end a session on another device. */
@Path("/api/v1/me/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {
    private final SessionService sessions;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public MySessionsResource(SessionService sessions, CurrentUser currentUser, JsonWebToken token) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.token = token;
    }

    /** Live sessions, most recently used first. */
    @GET
    public Uni<List<SessionView>> list() {
        return sessions.list(currentUser.id(), SessionClaims.sessionId(token));
    }

    /** Another user's session, an ended one and a malformed id all answer the same 404. */
    @DELETE
    @Path("/{sessionId}")
    public Uni<Response> end(@PathParam("sessionId") String sessionId) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.notFound("Session"));
        }
        return sessions.endOwn(currentUser.id(), id).map(ended -> {
            if (!ended) {
                throw ApiException.notFound("Session");
            }
            return Response.noContent().build();
        });
    }
}
