package io.tradeplex.strategy.runtime;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.strategy.market.bars.Bar;
import io.tradeplex.strategy.market.bars.BarRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored bars that runs starting fresh warm up on. Only the window a run needs, counted back from now: after a
 * gap in the feed its indicators start on what is there rather than on bars from before the gap.
 */
@ApplicationScoped
class RecentBars {
    private static final Logger LOG = Logger.getLogger(RecentBars.class);

    private final BarRepository bars;

    RecentBars(BarRepository bars) {
        this.bars = bars;
    }

    /**
     * @param needed bars needed per series, read once each however many strategies watch it
     * @return each series' bars, oldest first; every series empty if the database cannot be read, so that strategies
     * still start (and warm up on the live bars instead)
     */
    Uni<Map<BarSeries, List<Bar>>> latest(Map<BarSeries, Integer> needed, Instant now) {
        Map<BarSeries, List<Bar>> found = new HashMap<>();
        if (needed.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return Panache.withSession(() -> {
                    Uni<Void> reads = Uni.createFrom().voidItem();
                    for (Map.Entry<BarSeries, Integer> entry : needed.entrySet()) {
                        BarSeries series = entry.getKey();
                        int count = entry.getValue();
                        Instant from = now.minus(series.interval().duration().multipliedBy(count + 1L));
                        reads = reads.chain(() -> bars.range(series.symbol(), series.interval(), from, now, count + 1)
                                .invoke(list -> found.put(series, list.subList(Math.max(0, list.size() - count),
                                        list.size()))))
                                .replaceWithVoid();
                    }
                    return reads;
                })
                .map(done -> found)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Strategies start without warm-up: the stored bars could not be read (%s)", failure);
                    return Map.of();
                });
    }
}
