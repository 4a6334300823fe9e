package io.tradeplex.portfolio.stats;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.security.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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

    @GET
    @WithSession
    public Uni<PortfolioStats> stats() {
        return stats.stats(currentUser.id());
    }
}
