package io.tradeplex.user.brokeraccount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A broker account as its owner sees it. Holds no secret; masked credentials will join when brokers need them. */
public record BrokerAccountView(UUID accountId, String broker, String label, BigDecimal capitalUsd,
                                String riskTolerance, boolean active, String status, Instant createdAt) {
}
