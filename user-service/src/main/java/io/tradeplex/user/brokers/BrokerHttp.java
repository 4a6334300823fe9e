package io.tradeplex.user.brokers;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the reactive REST clients for the brokers, so they answer on the caller's Vert.x context. */
public final class BrokerHttp {
    private BrokerHttp() {
    }

    /**
     * Error statuses come back as responses, not exceptions: each broker's error body says what went wrong. Request
     * logging stays off whatever the global client logging is, because these requests carry keys and checksums.
     */
    public static <T> T client(Class<T> api, String baseUrl, BrokersConfig config) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .loggingScope(LoggingScope.NONE)
                .build(api);
    }
}
