package io.tradeplex.strategy.instance;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.kit.web.QueryParams;
import io.tradeplex.strategy.signal.SignalRepository;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** The caller's strategies. Another user's strategy id answers 404, exactly like one that does not exist. */
@Path(StrategyService.PATH)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StrategyResource {
    private final StrategyService strategies;
    private final SignalRepository signals;
    private final CurrentUser currentUser;

    public StrategyResource(StrategyService strategies, SignalRepository signals, CurrentUser currentUser) {
        this.strategies = strategies;
        this.signals = signals;
        this.currentUser = currentUser;
    }

    /** Created stopped: {@code POST …/{id}/start} runs it. */
    @POST
    public Uni<Response> create(CreateStrategyRequest request) {
        if (request == null) {
            throw ApiException.invalid("template", "a JSON body {template, accountId, symbols, params} is required");
        }
        return strategies.create(currentUser.id(), request)
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    public Uni<List<StrategyView>> list() {
        return strategies.list(currentUser.id());
    }

    @GET
    @Path("/{strategyId}")
    public Uni<StrategyView> get(@PathParam("strategyId") String strategyId) {
        return strategies.get(currentUser.id(), idOf(strategyId));
    }

    @PUT
    @Path("/{strategyId}/params")
    public Uni<StrategyView> changeParameters(@PathParam("strategyId") String strategyId, ParamsRequest request) {
        return strategies.changeParameters(currentUser.id(), idOf(strategyId), request);
    }

    @POST
    @Path("/{strategyId}/start")
    public Uni<StrategyView> start(@PathParam("strategyId") String strategyId) {
        return strategies.start(currentUser.id(), idOf(strategyId));
    }

    @POST
    @Path("/{strategyId}/stop")
    public Uni<StrategyView> stop(@PathParam("strategyId") String strategyId) {
        return strategies.stop(currentUser.id(), idOf(strategyId));
    }

    @DELETE
    @Path("/{strategyId}")
    public Uni<Response> delete(@PathParam("strategyId") String strategyId) {
        return strategies.delete(currentUser.id(), idOf(strategyId)).map(ignored -> Response.noContent().build());
    }

    /** The strategy's signals, newest first, with what became of each order. */
    @GET
    @Path("/{strategyId}/signals")
    public Uni<List<StrategyView.SignalView>> signals(@PathParam("strategyId") String strategyId,
                                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID userId = currentUser.id();
        UUID id = idOf(strategyId);
        int pageNumber = QueryParams.integer("page", page, 0, 0, 100_000);
        int pageSize = QueryParams.integer("size", size, 50, 1, 500);
        // Reading the strategy first makes another user's id a 404 rather than an empty list.
        return strategies.get(userId, id).chain(ignored -> Tenant.transaction(userId, () -> signals.page(userId, id,
                        io.quarkus.panache.common.Page.of(pageNumber, pageSize))))
                .map(rows -> rows.stream().map(StrategyMapper::toView).toList());
    }

    /** A malformed id names no strategy of the caller's: 404, as for any other id that is not theirs. */
    private static UUID idOf(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("strategy");
        }
    }
}
