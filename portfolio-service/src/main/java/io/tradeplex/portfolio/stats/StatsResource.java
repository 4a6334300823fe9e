package io.tradeplex.portfolio.stats;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/v1/portfolio/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    private final StatsService stats;
    private final CurrentUser currentUser;

    public StatsResource(StatsService stats, CurrentUser currentUser) {
        this.stats = stats;
        this.currentUser = currentUser;
    }

    /** One transaction: the trade totals and the open positions are read from the same snapshot. */
    @GET
    public Uni<PortfolioStats> stats() {
        UUID userId = currentUser.id();
        return Tenant.transaction(userId, () -> stats.stats(userId));
    }
}
