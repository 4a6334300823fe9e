package io.tradeplex.strategy.market.bars;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.strategy.market.history.CsvBarHistory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The bars the API serves: those stored from the live feed, and those of the historical set. */
@ApplicationScoped
public class BarService {
    /** Bounds one answer (OWASP API4); the client asks again from {@link BarPage#next()}. */
    public static final int MAX_BARS = 1_000;

    private final BarRepository repository;
    /** The shipped set itself, not whatever history backtests are given: the API serves what the files hold. */
    private final CsvBarHistory history;

    public BarService(BarRepository repository, CsvBarHistory history) {
        this.repository = repository;
        this.history = history;
    }

    /**
     * The first {@link #MAX_BARS} bars of [from, to), oldest first. Where the live feed and the historical set both
     * have a bar of the same open time, the live one is served: it is what this platform's markets actually did.
     */
    public Uni<BarPage> bars(String symbol, BarInterval interval, Instant from, Instant to) {
        List<Bar> historical = history.bars(symbol, interval, from, to);
        // One more than a page from each source is enough to know the page and where the next one starts.
        return Panache.withSession(() -> repository.range(symbol, interval, from, to, MAX_BARS + 1))
                .map(stored -> {
                    NavigableMap<Instant, Bar> byOpenTime = new TreeMap<>();
                    historical.stream().limit(MAX_BARS + 1).forEach(bar -> byOpenTime.put(bar.openTime(), bar));
                    stored.forEach(bar -> byOpenTime.put(bar.openTime(), bar));
                    List<Bar> page = new ArrayList<>(byOpenTime.values());
                    if (page.size() <= MAX_BARS) {
                        return new BarPage(page, null);
                    }
                    return new BarPage(List.copyOf(page.subList(0, MAX_BARS)), page.get(MAX_BARS).openTime());
                });
    }

    /** @param next where the next page starts, or null when this one reaches the end of the range */
    public record BarPage(List<Bar> bars, Instant next) {
    }
}
