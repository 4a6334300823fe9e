package io.tradeplex.auth.verification;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/auth/verify-email")
@Produces(MediaType.APPLICATION_JSON)
public class EmailVerificationResource {
    private final EmailVerificationService verification;
    private final CurrentUser currentUser;

    public EmailVerificationResource(EmailVerificationService verification, CurrentUser currentUser) {
        this.verification = verification;
        this.currentUser = currentUser;
    }

    /** No bearer token needed: the link may well be opened on another device than the one logged in. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EmailVerificationResponse> verify(@Valid @NotNull VerifyEmailRequest body) {
        return verification.verify(body.token()).map(userId -> new EmailVerificationResponse(userId, true));
    }

    @POST
    @Path("/resend")
    @Authenticated
    public Uni<Response> resend() {
        return verification.resend(currentUser.id()).map(ignored -> Response.accepted().build());
    }
}
