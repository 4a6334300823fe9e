package io.tradeplex.strategy.market;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/v1/market/quotes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {
    private final LatestQuotes quotes;

    public QuoteResource(LatestQuotes quotes) {
        this.quotes = quotes;
    }

    /** Latest prices of the symbols asked for (all when none), answered from memory; unknown symbols are absent. */
    @GET
    @NonBlocking
    public List<QuoteView> quotes(@QueryParam("symbols") String symbols) {
        return Symbols.parse("symbols", symbols)
                .map(quotes::get)
                .orElseGet(quotes::all)
                .stream()
                .map(QuoteView::of)
                .toList();
    }
}
