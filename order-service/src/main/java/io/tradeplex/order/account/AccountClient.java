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
import java.util.Optional;
import java.util.UUID;

/**
 * Looks up the caller's broker account. "Not yours" and "does not exist" are the same answer, and neither counts as a
 * failure of user-service: only timeouts and 5xx open the breaker, so one user's typo cannot halt everyone's trading.
 */
@ApplicationScoped
public class AccountClient {
    private final UserServiceApi api;

    public AccountClient(@RestClient UserServiceApi api) {
        this.api = api;
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = ApiException.class)
    @CircuitBreakerName("user-service")
    public Uni<Optional<BrokerAccount>> ownedAccount(UUID accountId, String bearerToken) {
        return api.account(accountId, "Bearer " + bearerToken)
                .map(Optional::of)
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    if (status == 401 || status == 403) {
                        return Uni.createFrom().failure(ApiException.unauthorized("The token was refused"));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    /** The answer when user-service cannot be reached: retryable, and nothing was written. */
    public static ApiException unavailable() {
        return new ApiException(503, "Service Unavailable", "ACCOUNTS_UNAVAILABLE",
                "Broker accounts cannot be checked right now; retry with the same clientOrderId", List.of());
    }
}
