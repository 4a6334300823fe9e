package io.tradeplex.order.account;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.internal.SignedInternalCalls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** user-service's internal vault endpoint, called as order-service (signed), never with a user's token. */
@RegisterRestClient(configKey = "user-service")
@RegisterProvider(SignedInternalCalls.class)
@Path("/internal/v1/users/{userId}/broker-accounts/{accountId}/credentials")
public interface InternalAccountsApi {

    @GET
    Uni<BrokerCredentials> credentials(@PathParam("userId") UUID userId, @PathParam("accountId") UUID accountId);
}
