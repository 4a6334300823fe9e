package io.tradeplex.portfolio.trade;

import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.portfolio.position.Position;

import java.util.Objects;

/** Fill event ↔ trade row ↔ API view. */
final class TradeMapper {
    private TradeMapper() {
    }

    /** A fill missing what the ledger needs cannot be applied, now or on any retry. */
    static void requireComplete(OrderFilled fill) {
        Objects.requireNonNull(fill.userId(), "userId");
        Objects.requireNonNull(fill.accountId(), "accountId");
        Objects.requireNonNull(fill.orderId(), "orderId");
        Objects.requireNonNull(fill.symbol(), "symbol");
        Objects.requireNonNull(fill.broker(), "broker");
        Objects.requireNonNull(fill.fillId(), "fillId");
        Objects.requireNonNull(fill.feeCurrency(), "feeCurrency");
        Objects.requireNonNull(fill.filledAt(), "filledAt");
    }

    static TradeEntity toEntity(OrderFilled fill, Position.Applied applied, String eventId) {
        TradeEntity trade = new TradeEntity();
        trade.userId = fill.userId();
        trade.accountId = fill.accountId();
        trade.broker = fill.broker();
        trade.fillId = fill.fillId();
        trade.orderId = fill.orderId();
        trade.symbol = fill.symbol();
        trade.side = fill.side();
        trade.quantity = fill.fillQuantity();
        trade.price = fill.fillPrice();
        trade.fee = fill.fee();
        trade.feeCurrency = fill.feeCurrency();
        trade.closedQuantity = applied.closedQuantity();
        trade.realizedPnl = applied.realizedPnl();
        trade.executedAt = fill.filledAt();
        trade.eventId = eventId;
        return trade;
    }

    static TradeView toView(TradeEntity trade) {
        return new TradeView(trade.fillId, trade.orderId, trade.accountId, trade.broker, trade.symbol, trade.side,
                trade.quantity, trade.price, trade.fee, trade.feeCurrency, trade.realizedPnl, trade.executedAt);
    }
}
