package io.tradeplex.contracts.orders;

import java.time.Instant;
import java.util.UUID;

public record CancelOrder(int schemaVersion, UUID orderId, UUID userId, Instant requestedAt) implements OrderCommand {
    public static final String TYPE = "tradeplex.order.cancel.v1";
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }
}
