package io.tradeplex.strategy.market.bars;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class BarRepository implements PanacheRepositoryBase<BarEntity, BarEntity.Key> {

    /**
     * Stores the bars; one already stored (written by another instance, which saw the same ticks) is left as it is.
     * Statements run one after another: a reactive session runs one at a time.
     */
    public Uni<Void> insert(List<Bar> bars) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Bar bar : bars) {
            chain = chain.chain(() -> insert(bar));
        }
        return chain;
    }

    private Uni<Void> insert(Bar bar) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into bars (symbol, interval, open_time, open, high, low, close, volume)
                        values (:symbol, :interval, :openTime, :open, :high, :low, :close, :volume)
                        on conflict (symbol, interval, open_time) do nothing""")
                        .setParameter("symbol", bar.symbol())
                        .setParameter("interval", bar.interval().label())
                        .setParameter("openTime", OffsetDateTime.ofInstant(bar.openTime(), ZoneOffset.UTC))
                        .setParameter("open", bar.open())
                        .setParameter("high", bar.high())
                        .setParameter("low", bar.low())
                        .setParameter("close", bar.close())
                        .setParameter("volume", bar.volume())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** At most {@code limit} bars of the symbol whose open time lies in [from, to), oldest first. */
    public Uni<List<Bar>> range(String symbol, BarInterval interval, Instant from, Instant to, int limit) {
        return find("symbol = :symbol and interval = :interval and openTime >= :from and openTime < :to order by openTime",
                Parameters.with("symbol", symbol).and("interval", interval.label()).and("from", from).and("to", to))
                .page(Page.ofSize(limit))
                .list()
                .map(rows -> rows.stream().map(BarEntity::toBar).toList());
    }
}
