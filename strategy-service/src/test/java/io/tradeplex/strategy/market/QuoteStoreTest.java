package io.tradeplex.strategy.market;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotes reach the table in batches: the newest of each symbol, never an older one over it. */
@QuarkusTest
class QuoteStoreTest {
    @Inject
    QuoteStore store;
    @Inject
    QuoteRepository repository;

    @Test
    void onlyTheNewestQueuedQuoteOfASymbolIsWrittenAndAnOlderOneNeverReplacesIt() throws Throwable {
        String symbol = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase() + "-USD";
        Instant time = Instant.parse("2026-01-05T10:00:00Z");
        store.offer(new Quote(symbol, new BigDecimal("10.00"), "test", 1, time));
        store.offer(new Quote(symbol, new BigDecimal("12.00"), "test", 3, time.plusSeconds(2)));
        store.offer(new Quote(symbol, new BigDecimal("11.00"), "test", 2, time.plusSeconds(1)));
        VertxContextSupport.subscribeAndAwait(store::store);
        assertThat(stored(symbol)).map(Quote::sequence).contains(3L);
        assertThat(stored(symbol).orElseThrow().price()).isEqualByComparingTo("12.00");

        store.offer(new Quote(symbol, new BigDecimal("9.00"), "test", 2, time.plusSeconds(1)));
        VertxContextSupport.subscribeAndAwait(store::store);
        assertThat(stored(symbol)).map(Quote::sequence).contains(3L);
    }

    private Optional<Quote> stored(String symbol) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(repository::findAllQuotes))
                .stream().filter(quote -> quote.symbol().equals(symbol)).findFirst();
    }
}
