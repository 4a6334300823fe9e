package io.tradeplex.order.order;

import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.PlaceOrder;

import java.util.List;

/** Entity ↔ API model ↔ event: the three shapes of an order never leak into each other. */
public final class OrderMapper {
    private OrderMapper() {
    }

    public static OrderView toView(OrderEntity order, List<FillEntity> fills) {
        return new OrderView(order.id, order.clientOrderId, order.accountId, order.broker, order.symbol, order.side,
                order.type, order.quantity, order.limitPrice, order.status, order.filledQuantity, order.avgFillPrice,
                order.rejectCode, order.rejectReason, order.createdAt, order.updatedAt, order.brokerOrderId,
                order.status.isOpen() && order.routing.isUncertain(),
                fills == null ? null : fills.stream().map(OrderMapper::toView).toList());
    }

    private static OrderView.FillView toView(FillEntity fill) {
        return new OrderView.FillView(fill.fillId, fill.quantity, fill.price, fill.fee, fill.feeCurrency, fill.executedAt);
    }

    public static PlaceOrder toCommand(OrderEntity order) {
        return new PlaceOrder(PlaceOrder.SCHEMA_VERSION, order.id, order.userId, order.accountId, order.broker,
                order.clientOrderId, order.symbol, order.side, order.type, order.quantity, order.limitPrice, order.origin,
                order.createdAt);
    }

    public static OrderAccepted toAccepted(OrderEntity order) {
        return new OrderAccepted(OrderAccepted.SCHEMA_VERSION, order.id, order.userId, order.accountId, order.broker,
                order.clientOrderId, order.symbol, order.side, order.type, order.quantity, order.limitPrice, order.updatedAt);
    }

    public static OrderRejected toRejected(OrderEntity order) {
        return new OrderRejected(OrderRejected.SCHEMA_VERSION, order.id, order.userId, order.accountId,
                order.clientOrderId, order.symbol, order.rejectCode, order.rejectReason, order.updatedAt);
    }

    public static OrderFilled toFilled(OrderEntity order, FillEntity fill) {
        return new OrderFilled(OrderFilled.SCHEMA_VERSION, order.id, order.userId, order.accountId, order.broker,
                order.clientOrderId, order.symbol, order.side, fill.fillId, fill.quantity, fill.price, fill.fee,
                fill.feeCurrency, order.filledQuantity, order.avgFillPrice, order.status, fill.executedAt);
    }

    public static OrderCancelled toCancelled(OrderEntity order, String reason) {
        return new OrderCancelled(OrderCancelled.SCHEMA_VERSION, order.id, order.userId, order.accountId,
                order.clientOrderId, order.symbol, order.filledQuantity, reason, order.updatedAt);
    }
}
