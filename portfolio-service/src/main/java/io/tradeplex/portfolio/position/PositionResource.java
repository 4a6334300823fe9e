package io.tradeplex.portfolio.position;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.portfolio.web.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/v1/portfolio/positions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {
    private final PositionService positions;
    private final CurrentUser currentUser;

    public PositionResource(PositionService positions, CurrentUser currentUser) {
        this.positions = positions;
        this.currentUser = currentUser;
    }

    /** The caller's open positions, optionally of one broker account. */
    @GET
    @WithSession
    public Uni<List<PositionView>> open(@QueryParam("accountId") String accountId) {
        return positions.openPositions(currentUser.id(), QueryParams.uuid("accountId", accountId));
    }
}
