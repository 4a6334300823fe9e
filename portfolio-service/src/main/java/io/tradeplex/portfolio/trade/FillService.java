package io.tradeplex.portfolio.trade;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.portfolio.daily.DailyLedger;
import io.tradeplex.portfolio.position.Fill;
import io.tradeplex.portfolio.position.PositionService;
import io.tradeplex.portfolio.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Records fills: the trade, the position it moves, its trading day and the event saying so, in one transaction. */
@ApplicationScoped
public class FillService {
    static final String INBOX_CONSUMER = "portfolio-fills";
    private static final Logger LOG = Logger.getLogger(FillService.class);

    private final Inbox inbox;
    private final TradeRepository trades;
    private final PositionService positions;
    private final DailyLedger ledger;
    private final UserDirectory users;

    public FillService(Inbox inbox, TradeRepository trades, PositionService positions, DailyLedger ledger,
                       UserDirectory users) {
        this.inbox = inbox;
        this.trades = trades;
        this.positions = positions;
        this.ledger = ledger;
        this.users = users;
    }

    /**
     * Applies the fill once. The inbox drops a redelivered event; the unique (broker, fill id) drops the same fill
     * carried by another event (a producer that re-published it under a new id). It runs as the fill's user, so it
     * can only ever read and move that user's trades and positions.
     *
     * @return true if the fill changed the portfolio, false if it had already been applied
     */
    public Uni<Boolean> apply(String eventId, OrderFilled fill) {
        TradeMapper.requireComplete(fill);
        Fill arithmetic = Fill.of(fill);
        return Tenant.transaction(fill.userId(), () -> inbox.firstDelivery(INBOX_CONSUMER, eventId).chain(first -> {
            if (!first) {
                // A redelivery: routine under at-least-once delivery.
                return Uni.createFrom().item(false);
            }
            return trades.containsFill(fill.broker(), fill.fillId()).chain(seen -> {
                if (seen) {
                    // Not routine: some producer re-published a fill under a new event id.
                    LOG.warnf("Event %s carries fill %s of broker %s, which is already applied; skipped",
                            oneLine(eventId), oneLine(fill.fillId()), oneLine(fill.broker()));
                    return Uni.createFrom().item(false);
                }
                return ledger.dayOf(fill, users.zoneOf(fill.userId())).chain(day ->
                        positions.applyFill(fill, arithmetic, eventId)
                                .invoke(applied -> ledger.book(day, fill, applied))
                                .chain(applied -> trades.persist(TradeMapper.toEntity(fill, applied, eventId))))
                        .replaceWith(true);
            });
        }));
    }

    /** These come from other systems: a line break in them must not forge a log line (CWE-117). */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]", "_");
    }
}
