package io.tradeplex.strategy.market;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest quote per symbol, in memory, so a quote request never waits on the database. It is filled from the
 * quotes table at start-up (a restarted service answers at once) and from the tick topic afterwards.
 */
@ApplicationScoped
public class LatestQuotes {
    /** Before the simulated feed starts, which resumes from these prices. */
    static final int RESTORE_PRIORITY = Interceptor.Priority.APPLICATION;
    private static final Logger LOG = Logger.getLogger(LatestQuotes.class);

    private final Map<String, Quote> bySymbol = new ConcurrentHashMap<>();
    private final QuoteRepository repository;

    public LatestQuotes(QuoteRepository repository) {
        this.repository = repository;
    }

    void restore(@Observes @Priority(RESTORE_PRIORITY) StartupEvent ignored) throws Throwable {
        List<Quote> stored = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(repository::findAllQuotes));
        stored.forEach(this::offer);
        LOG.infof("Restored %d quotes from the database", stored.size());
    }

    /** @return true if the quote is newer than the one held, which it then replaces */
    public boolean offer(Quote quote) {
        return bySymbol.merge(quote.symbol(), quote, (held, offered) -> offered.isNewerThan(held) ? offered : held)
                == quote;
    }

    public Optional<Quote> get(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** @return the known quotes among these symbols, in the order asked; unknown symbols are left out */
    public List<Quote> get(Collection<String> symbols) {
        return symbols.stream().map(bySymbol::get).filter(Objects::nonNull).toList();
    }

    public List<Quote> all() {
        return bySymbol.values().stream().sorted(Comparator.comparing(Quote::symbol)).toList();
    }
}
