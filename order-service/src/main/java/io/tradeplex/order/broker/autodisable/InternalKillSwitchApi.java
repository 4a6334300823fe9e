package io.tradeplex.order.broker.autodisable;

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

/** user-service's internal trigger of a user's kill switch by the platform (triggeredBy {@code system}), signed. */
@RegisterRestClient(configKey = "user-service")
@RegisterProvider(SignedInternalCalls.class)
@Path("/internal/v1/users/{userId}/kill-switch")
public interface InternalKillSwitchApi {
    record Trigger(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> trigger(@PathParam("userId") UUID userId, Trigger trigger);
}
