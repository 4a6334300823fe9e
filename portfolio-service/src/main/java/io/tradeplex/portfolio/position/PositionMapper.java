package io.tradeplex.portfolio.position;

import io.tradeplex.contracts.portfolio.PositionChanged;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Position arithmetic ↔ its row, its event and its API view. */
final class PositionMapper {
    private PositionMapper() {
    }

    static Position toPosition(PositionEntity row) {
        return new Position(row.quantity, row.avgPrice, row.realizedPnl, row.fees);
    }

    static PositionEntity newRow(UUID userId, UUID accountId, String symbol) {
        PositionEntity row = new PositionEntity();
        row.userId = userId;
        row.accountId = accountId;
        row.symbol = symbol;
        return row;
    }

    static RoundTrips toRoundTrips(PositionEntity row) {
        return new RoundTrips(row.tripPnl, row.roundTrips, row.winningRoundTrips);
    }

    static void update(PositionEntity row, Position position, RoundTrips trips, Instant at) {
        row.tripPnl = trips.openPnl();
        row.roundTrips = trips.closed();
        row.winningRoundTrips = trips.won();
        row.quantity = position.quantity();
        row.avgPrice = position.avgPrice();
        row.realizedPnl = position.realizedPnl();
        row.fees = position.fees();
        row.updatedAt = at;
    }

    /** {@code realizedPnl} is the position's lifetime realized P&L before fees, like the row's. */
    static PositionChanged toEvent(PositionEntity row, String causeEventId, Instant changedAt) {
        return new PositionChanged(PositionChanged.SCHEMA_VERSION, row.userId, row.accountId, row.symbol, row.quantity,
                row.avgPrice, row.realizedPnl, causeEventId, changedAt);
    }

    static PositionView toView(PositionEntity row, BigDecimal markPrice) {
        Position position = toPosition(row);
        return new PositionView(row.accountId, row.symbol, position.quantity(), position.avgPrice(), markPrice,
                position.unrealizedPnl(markPrice));
    }
}
