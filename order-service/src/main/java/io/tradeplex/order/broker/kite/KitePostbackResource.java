package io.tradeplex.order.broker.kite;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Kite calls this, not a user: there is no token, and the gateway routes exactly this path without one. The payload's
 * checksum is its only credential (see {@link KitePostbacks}); 204 once verified, 401 problem+json otherwise.
 */
@Path(KitePostbacks.PATH)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class KitePostbackResource {
    private final KitePostbacks postbacks;

    public KitePostbackResource(KitePostbacks postbacks) {
        this.postbacks = postbacks;
    }

    @POST
    public Uni<RestResponse<Void>> receive(String body) {
        return postbacks.receive(body).map(ignored -> RestResponse.noContent());
    }
}
