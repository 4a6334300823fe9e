package io.tradeplex.order.account;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.UUID;

/**
 * Fetches an account's keys from user-service for one broker call. Nothing is cached: a rotated or revoked key is
 * never used after the vault stops answering with it, and no secret outlives the order that needed it.
 */
@ApplicationScoped
public class CredentialsClient {
    public static final String KITE_LOGIN_REQUIRED = "KITE_LOGIN_REQUIRED";

    private final InternalAccountsApi api;

    public CredentialsClient(@RestClient InternalAccountsApi api) {
        this.api = api;
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = ApiException.class)
    @CircuitBreakerName("user-service-vault")
    public Uni<BrokerCredentials> credentials(UUID userId, UUID accountId) {
        return api.credentials(userId, accountId)
                .onFailure(WebApplicationException.class).transform(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        return ApiException.notFound("Broker account");
                    }
                    if (status == 409) {
                        return new ApiException(409, "Conflict", KITE_LOGIN_REQUIRED,
                                "The Kite session of this account has expired; log in to Kite again", List.of());
                    }
                    return failure;
                });
    }
}
