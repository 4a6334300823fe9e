package io.tradeplex.user.brokeraccount;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.internal.InternalCallFilter;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.kit.problem.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * order-service reports that Kite refused an account's session (403 TokenException). Only signed internal calls get
 * here ({@link InternalCallFilter}, which also verified the caller header); the gateway routes nothing under
 * {@code /internal/}. The user id comes from the path because the caller acts for that user; row-level security still
 * scopes every read and write to them.
 */
@Path("/internal/v1/users/{userId}/broker-accounts/{accountId}/login-required")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalKiteLoginRequiredResource {
    private final KiteSessionExpiry expiry;

    public InternalKiteLoginRequiredResource(KiteSessionExpiry expiry) {
        this.expiry = expiry;
    }

    @POST
    public Uni<KiteSessionExpiry.Outcome> loginRequired(@PathParam("userId") String userId,
                                                        @PathParam("accountId") String accountId,
                                                        @HeaderParam(ServiceSignature.CALLER_HEADER) String caller,
                                                        @Valid @NotNull KiteLoginRequiredRequest report) {
        return expiry.loginRequired(parse(userId), parse(accountId), report, caller);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Broker account");
        }
    }
}
