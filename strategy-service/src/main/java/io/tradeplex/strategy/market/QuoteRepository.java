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
     * Stores the quote unless the table already holds a later tick of that symbol (by {@link Quote#isNewerThan}):
     * several instances write the same rows, and a late or repeated tick must never overwrite a newer price.
     */
    public Uni<Void> upsert(Quote quote) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into quotes (symbol, price, source, sequence, quoted_at)
                        values (:symbol, :price, :source, :sequence, :quotedAt)
                        on conflict (symbol) do update
                          set price = excluded.price, source = excluded.source, sequence = excluded.sequence,
                              quoted_at = excluded.quoted_at
                          where case when quotes.source = excluded.source then quotes.sequence < excluded.sequence
                                     else quotes.quoted_at < excluded.quoted_at end""")
                        .setParameter("symbol", quote.symbol())
                        .setParameter("price", quote.price())
                        .setParameter("source", quote.source())
                        .setParameter("sequence", quote.sequence())
                        .setParameter("quotedAt", OffsetDateTime.ofInstant(quote.time(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<Quote>> findAllQuotes() {
        return listAll().map(rows -> rows.stream()
                .map(row -> new Quote(row.symbol, row.price, row.source, row.sequence, row.quotedAt))
                .toList());
    }
}
