package io.tradeplex.portfolio.trade;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.kit.web.QueryParams;
import io.tradeplex.portfolio.user.UserDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

@Path("/api/v1/portfolio/trades")
@Authenticated
public class TradeResource {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final TradeService trades;
    private final UserDirectory users;
    private final CurrentUser currentUser;

    public TradeResource(TradeService trades, UserDirectory users, CurrentUser currentUser) {
        this.trades = trades;
        this.users = users;
        this.currentUser = currentUser;
    }

    /**
     * The caller's fills, newest first: a page of JSON, or with {@code format=csv} every matching fill as a CSV
     * download (page and size do not apply to it). {@code day} ({@code YYYY-MM-DD}) is a trading day in the caller's
     * zone.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, TradeCsv.MEDIA_TYPE})
    public Uni<Response> trades(@QueryParam("accountId") String accountId, @QueryParam("symbol") String symbol,
                                @QueryParam("day") String day, @QueryParam("page") String page,
                                @QueryParam("size") String size, @QueryParam("format") String format) {
        UUID userId = currentUser.id();
        TradeFilter filter = new TradeFilter(userId, QueryParams.uuid("accountId", accountId),
                QueryParams.symbol("symbol", symbol), QueryParams.date("day", day), users.zoneOf(userId));
        if (isCsv(format)) {
            return Tenant.transaction(filter.userId(), () -> trades.exportCsv(filter))
                    .map(csv -> Response.ok(csv, TradeCsv.MEDIA_TYPE + "; charset=UTF-8")
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trades.csv\"")
                            .build());
        }
        // The bound keeps page × size, the row offset, within an int.
        int pageNumber = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = QueryParams.integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return Tenant.transaction(filter.userId(), () -> trades.page(filter, pageNumber, pageSize))
                .map(result -> Response.ok(result, MediaType.APPLICATION_JSON).build());
    }

    private static boolean isCsv(String format) {
        return switch (format == null ? "" : format.strip()) {
            case "", "json" -> false;
            case "csv" -> true;
            default -> throw ApiException.invalid("format", "must be json or csv");
        };
    }
}
