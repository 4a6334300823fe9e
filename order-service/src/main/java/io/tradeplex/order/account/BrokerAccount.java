package io.tradeplex.order.account;

import java.util.UUID;

/** What order-service needs to know of a broker account owned by user-service. */
public record BrokerAccount(UUID accountId, String broker, String status) {
}
