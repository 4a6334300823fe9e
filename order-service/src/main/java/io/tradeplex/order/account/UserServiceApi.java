package io.tradeplex.order.account;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** user-service's own API, called with the caller's token: it answers only for accounts the caller owns. */
@RegisterRestClient(configKey = "user-service")
@Path("/api/v1/me/broker-accounts")
public interface UserServiceApi {

    @GET
    @Path("/{accountId}")
    Uni<BrokerAccount> account(@PathParam("accountId") UUID accountId, @HeaderParam("Authorization") String authorization);
}
