package io.tradeplex.user.brokeraccount;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's secrets in clear, for order-service's internal call only. toString hides them, so a log of the object
 * never carries them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrokerCredentialsResponse(UUID accountId, String broker, String apiKey, String apiSecret,
                                        String accessToken, Instant sessionExpiresAt, String brokerUserId) {

    @Override
    public String toString() {
        return "BrokerCredentialsResponse[accountId=" + accountId + ", broker=" + broker + ", apiKey=***, apiSecret=***"
                + ", accessToken=" + (accessToken == null ? "none" : "***") + ", sessionExpiresAt=" + sessionExpiresAt
                + ", brokerUserId=" + brokerUserId + "]";
    }
}
