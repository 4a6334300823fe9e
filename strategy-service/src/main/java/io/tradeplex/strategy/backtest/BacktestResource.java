package io.tradeplex.strategy.backtest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.web.QueryParams;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/backtests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BacktestResource {
    private static final int MAX_PAGE_SIZE = 100;

    private final BacktestService backtests;
    private final BacktestConfig config;
    private final CurrentUser user;

    public BacktestResource(BacktestService backtests, BacktestConfig config, CurrentUser user) {
        this.backtests = backtests;
        this.config = config;
        this.user = user;
    }

    /**
     * Always 202 {@code {backtestId, status: RUNNING, progress: 0, …}}: the simulation runs in the background; poll
     * {@code GET /api/v1/backtests/{backtestId}} until it is DONE or FAILED. 400 names the faulty fields, 422
     * NO_HISTORY the symbols without history, 429 BACKTEST_LIMIT when the caller already has their share running.
     */
    @POST
    public Uni<RestResponse<BacktestView>> start(BacktestRequest request, UriInfo uri) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        UUID caller = user.id();
        BacktestSpec spec = request.check(config);
        return backtests.start(caller, spec, request.symbol() != null)
                .map(view -> RestResponse.ResponseBuilder.<BacktestView>create(RestResponse.Status.ACCEPTED)
                        .entity(view)
                        .location(uri.getAbsolutePathBuilder().path(view.backtestId().toString()).build())
                        .build());
    }

    /** The caller's backtests, newest first, without their results. */
    @GET
    public Uni<List<BacktestSummary>> list(@RestQuery String page, @RestQuery String size) {
        return backtests.list(user.id(), QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("size", size, 20, 1, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{backtestId}")
    public Uni<BacktestView> get(@RestPath String backtestId) {
        return backtests.get(user.id(), idOf(backtestId));
    }

    /** A malformed id cannot name one of the caller's backtests: the same 404 as another user's. */
    private static UUID idOf(String backtestId) {
        try {
            return UUID.fromString(backtestId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Backtest");
        }
    }
}
