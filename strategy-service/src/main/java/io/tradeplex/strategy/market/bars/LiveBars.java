package io.tradeplex.strategy.market.bars;

import io.tradeplex.contracts.market.MarketTick;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bars of the live feed: one {@link BarAggregator} per symbol, fed by the tick consumer, and the
 * {@link BarClosed} events for what they close.
 */
@ApplicationScoped
public class LiveBars {
    private static final Logger LOG = Logger.getLogger(LiveBars.class);

    private final Map<String, BarAggregator> bySymbol = new ConcurrentHashMap<>();
    private final Event<BarClosed> barClosed;

    public LiveBars(Event<BarClosed> barClosed) {
        this.barClosed = barClosed;
    }

    /**
     * @return the bars this tick closed. Ticks carry no traded quantity (MarketTick has none), so live volumes are 0.
     */
    public List<Bar> aggregate(MarketTick tick) {
        return bySymbol.computeIfAbsent(tick.symbol(), BarAggregator::new)
                .add(tick.time(), tick.price(), BigDecimal.ZERO);
    }

    /**
     * Fires {@link BarClosed} synchronously for each bar, in the order given. Observers run on the tick consumer's
     * event-loop thread, before the next tick is taken: they must not block. One that throws is logged and does not
     * keep the remaining bars from being announced.
     */
    public void announce(List<Bar> bars) {
        for (Bar bar : bars) {
            try {
                barClosed.fire(new BarClosed(bar));
            } catch (RuntimeException e) {
                LOG.errorf(e, "An observer of BarClosed failed on the %s %s bar of %s", bar.symbol(),
                        bar.interval().label(), bar.openTime());
            }
        }
    }
}
