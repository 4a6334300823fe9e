package io.tradeplex.auth.account;

import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.verification.EmailVerificationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountService accounts;
    private final EmailVerificationService verification;

    public AccountResource(AccountService accounts, EmailVerificationService verification) {
        this.accounts = accounts;
        this.verification = verification;
    }

    /**
     * Self-service sign-up always makes a trader with an unverified address; other roles are granted by an admin.
     * The verification link is mailed before answering, so a client can tell the user to check their inbox.
     */
    @POST
    @Path("/register")
    public Uni<Response> register(@Valid @NotNull RegisterRequest body) {
        return accounts.register(body.email(), body.password(), body.displayName(), List.of(AccountService.ROLE_TRADER), false)
                .call(verification::sendAfterSignUp)
                .map(userId -> Response.status(Response.Status.CREATED).entity(new RegisterResponse(userId)).build());
    }
}
