package io.tradeplex.strategy.market.bars;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes {@link BarClosed} the way a strategy does, and keeps what it saw in the order it saw it. */
@ApplicationScoped
public class RecordedBars {
    private final List<Bar> closed = new CopyOnWriteArrayList<>();

    void onBarClosed(@Observes BarClosed event) {
        closed.add(event.bar());
    }

    public List<Bar> of(String symbol) {
        return closed.stream().filter(bar -> bar.symbol().equals(symbol)).toList();
    }
}
