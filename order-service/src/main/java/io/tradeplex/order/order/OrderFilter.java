package io.tradeplex.order.order;

import io.tradeplex.contracts.orders.OrderStatus;

import java.util.UUID;

public record OrderFilter(OrderStatus status, String symbol, UUID accountId, int page, int size) {
}
