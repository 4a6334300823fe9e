package io.tradeplex.user.brokeraccount;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.internal.InternalCallFilter;
import io.tradeplex.kit.problem.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Broker secrets for order-service, which keeps them in memory only for the broker call. No end-user token opens this:
 * {@link InternalCallFilter} lets through only calls signed with the platform's internal secret, and the gateway
 * routes nothing under {@code /internal/}. The user id comes from the path because the caller is a service acting
 * for that user; row-level security still scopes the read to them.
 */
@Path("/internal/v1/users/{userId}/broker-accounts/{accountId}/credentials")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class InternalBrokerCredentialsResource {
    private final BrokerAccountService accounts;

    public InternalBrokerCredentialsResource(BrokerAccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Uni<Response> credentials(@PathParam("userId") String userId, @PathParam("accountId") String accountId) {
        return accounts.credentials(parse(userId), parse(accountId))
                .map(credentials -> Response.ok(credentials).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("Pragma", "no-cache").build());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Broker account");
        }
    }
}
