package io.tradeplex.portfolio.trade;

import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a user's trade history. */
@ApplicationScoped
public class TradeService {
    /** An export is built in memory; beyond this many rows the caller narrows it by account or symbol (OWASP API4). */
    static final int MAX_EXPORT_ROWS = 100_000;

    private final TradeRepository trades;

    public TradeService(TradeRepository trades) {
        this.trades = trades;
    }

    public Uni<TradePage> page(TradeFilter filter, int page, int size) {
        return trades.count(filter).chain(total -> trades.page(filter, Page.of(page, size))
                .map(rows -> new TradePage(rows.stream().map(TradeMapper::toView).toList(), page, size, total)));
    }

    /** Every matching trade, newest first, as CSV. */
    public Uni<String> exportCsv(TradeFilter filter) {
        return trades.count(filter).chain(total -> {
            if (total > MAX_EXPORT_ROWS) {
                throw ApiException.unprocessable("EXPORT_TOO_LARGE", "The export would hold " + total
                        + " trades, more than " + MAX_EXPORT_ROWS + "; filter it by accountId or symbol");
            }
            return trades.listAll(filter)
                    .map(rows -> TradeCsv.write(rows.stream().map(TradeMapper::toView).toList()));
        });
    }
}
