package io.tradeplex.portfolio.position;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.portfolio.market.MarkPrices;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PositionService {
    private final PositionRepository positions;
    private final MarkPrices marks;
    private final Outbox outbox;

    public PositionService(PositionRepository positions, MarkPrices marks, Outbox outbox) {
        this.positions = positions;
        this.marks = marks;
        this.outbox = outbox;
    }

    /**
     * Applies a fill to its position and queues {@code PositionChanged}. Must run inside the transaction that records
     * the fill, so the position, the trade and the event are committed together or not at all.
     */
    public Uni<Position.Applied> applyFill(OrderFilled fill, Fill arithmetic, String causeEventId) {
        return positions.findForUpdate(fill.userId(), fill.accountId(), fill.symbol())
                .chain(existing -> {
                    PositionEntity row = existing != null ? existing
                            : PositionMapper.newRow(fill.userId(), fill.accountId(), fill.symbol());
                    Position before = existing != null ? PositionMapper.toPosition(existing) : Position.FLAT;
                    Position.Applied applied = before.apply(arithmetic);
                    RoundTrips trips = (existing != null ? PositionMapper.toRoundTrips(existing) : RoundTrips.NONE)
                            .after(before, arithmetic, applied);
                    PositionMapper.update(row, applied.position(), trips, fill.filledAt());
                    String user = fill.userId().toString();
                    return positions.persist(row)
                            .chain(saved -> outbox.add(Topics.PORTFOLIO, user, user,
                                    PositionMapper.toEvent(saved, causeEventId, fill.filledAt())))
                            .replaceWith(applied);
                });
    }

    /** The user's open positions, marked to the latest tick (or to their average price until one is known). */
    public Uni<List<PositionView>> openPositions(UUID userId, Optional<UUID> accountId) {
        return positions.listOpen(userId, accountId).map(rows -> rows.stream()
                .map(row -> PositionMapper.toView(row, marks.price(row.symbol).orElse(row.avgPrice)))
                .toList());
    }
}
