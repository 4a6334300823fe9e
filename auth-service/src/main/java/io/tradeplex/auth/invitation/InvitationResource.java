package io.tradeplex.auth.invitation;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/auth/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {
    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    /**
     * No bearer token: the invited user has never logged in. Answers 204 and hands out no tokens, so the first
     * session starts at login, where throttling, the second factor and the login audit apply as for everyone.
     */
    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> accept(@Valid @NotNull AcceptInvitationRequest body) {
        return invitations.accept(body.token(), body.password()).map(userId -> Response.noContent().build());
    }
}
