package io.tradeplex.strategy.market;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

@ApplicationScoped
public class QuoteRepository implements PanacheRepositoryBase<QuoteEntity, String> {

    /**
     * Stores the quote unless the table already holds a later tick of that symbol: several instances write the same
     * rows, and a late or repeated tick must never overwrite a newer price.
     */
    public Uni<Void> upsert(Quote quote) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into quotes (symbol, price, sequence, quoted_at)
                        values (:symbol, :price, :sequence, :quotedAt)
                        on conflict (symbol) do update
                          set price = excluded.price, sequence = excluded.sequence, quoted_at = excluded.quoted_at
                          where quotes.sequence < excluded.sequence""")
                        .setParameter("symbol", quote.symbol())
                        .setParameter("price", quote.price())
                        .setParameter("sequence", quote.sequence())
                        .setParameter("quotedAt", OffsetDateTime.ofInstant(quote.time(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<Quote>> findAllQuotes() {
        return listAll().map(rows -> rows.stream()
                .map(row -> new Quote(row.symbol, row.price, row.sequence, row.quotedAt))
                .toList());
    }
}
