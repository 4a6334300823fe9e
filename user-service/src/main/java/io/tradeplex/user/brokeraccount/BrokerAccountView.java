package io.tradeplex.user.brokeraccount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A broker account as its owner sees it. Holds no secret: credentials are masked hints.
 *
 * @param status         READY, or LOGIN_REQUIRED for a Kite account without a current session
 * @param credentials    null for paper accounts
 * @param sessionExpired a Kite session that ended (daily at 06:00 IST); log in again through {@code loginUrl}
 * @param loginUrl       Kite only: where the user logs in to Kite; its redirect brings the request_token for
 *                       {@code POST .../kite-session}
 */
public record BrokerAccountView(UUID accountId, String broker, String label, BigDecimal capitalUsd,
                                String riskTolerance, boolean active, String status, Instant createdAt,
                                MaskedCredentials credentials, AccountLimits limits, String brokerUserId,
                                Instant sessionExpiresAt, boolean sessionExpired, String loginUrl) {
}
