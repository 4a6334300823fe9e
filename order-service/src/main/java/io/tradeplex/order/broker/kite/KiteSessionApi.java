package io.tradeplex.order.broker.kite;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.internal.SignedInternalCalls;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** user-service's internal endpoint that ends an account's Kite session, called as order-service (signed). */
@RegisterRestClient(configKey = "user-service")
@RegisterProvider(SignedInternalCalls.class)
@Path("/internal/v1/users/{userId}/broker-accounts/{accountId}/login-required")
public interface KiteSessionApi {

    /**
     * @param accessTokenSha256 hex SHA-256 of the access token Kite refused: user-service ends the session only if it
     *                          is still that one, so a refusal that crosses a fresh login leaves the new session alone
     */
    record LoginRequired(String accessTokenSha256, String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> loginRequired(@PathParam("userId") UUID userId, @PathParam("accountId") UUID accountId, LoginRequired body);
}
