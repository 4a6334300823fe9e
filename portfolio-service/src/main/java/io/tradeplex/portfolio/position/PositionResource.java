package io.tradeplex.portfolio.position;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.kit.web.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    public Uni<List<PositionView>> open(@QueryParam("accountId") String accountId) {
        Optional<UUID> account = QueryParams.uuid("accountId", accountId);
        UUID userId = currentUser.id();
        return Tenant.transaction(userId, () -> positions.openPositions(userId, account));
    }
}
