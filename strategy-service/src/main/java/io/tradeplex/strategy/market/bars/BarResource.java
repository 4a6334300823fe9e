package io.tradeplex.strategy.market.bars;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.web.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

@Path("/api/v1/market/bars")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BarResource {
    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    private static final String INTERVALS = Arrays.stream(BarInterval.values()).map(BarInterval::label)
            .collect(Collectors.joining(", "));

    private final BarService bars;
    private final Clock clock = Clock.systemUTC();

    public BarResource(BarService bars) {
        this.bars = bars;
    }

    /**
     * Bars of one symbol whose open time lies in [from, to), oldest first, at most {@link BarService#MAX_BARS}; the
     * answer's {@code next} says where to continue. {@code interval} defaults to 1m, {@code to} to now and
     * {@code from} to 24 hours before {@code to}.
     */
    @GET
    public Uni<BarsView> bars(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        String theSymbol = QueryParams.symbol("symbol", symbol)
                .orElseThrow(() -> ApiException.invalid("symbol", "is required, e.g. BTC-USD"));
        BarInterval theInterval = interval == null || interval.isBlank() ? BarInterval.M1
                : BarInterval.ofLabel(interval.strip())
                        .orElseThrow(() -> ApiException.invalid("interval", "must be one of " + INTERVALS));
        Instant end = instant("to", to).orElseGet(clock::instant);
        Instant start = instant("from", from).orElseGet(() -> end.minus(DEFAULT_RANGE));
        if (!start.isBefore(end)) {
            throw to == null || to.isBlank() ? ApiException.invalid("from", "must be before to, which defaults to now")
                    : ApiException.invalid("to", "must be after from");
        }
        return bars.bars(theSymbol, theInterval, start, end)
                .map(page -> BarsView.of(theSymbol, theInterval, start, end, page));
    }

    private static Optional<Instant> instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant, e.g. 2025-01-01T00:00:00Z");
        }
    }
}
