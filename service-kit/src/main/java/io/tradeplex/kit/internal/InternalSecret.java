package io.tradeplex.kit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The secret services share to sign internal calls ({@code TRADEPLEX_INTERNAL_SECRET}; a Kubernetes Secret in
 * production). Without it a service neither makes nor accepts internal calls.
 */
@ApplicationScoped
public class InternalSecret {
    private static final int MIN_LENGTH = 32;

    private final Optional<byte[]> secret;
    private final String serviceName;

    public InternalSecret(@ConfigProperty(name = "tradeplex.internal.secret") Optional<String> secret,
                          @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.secret = secret.map(String::strip).filter(value -> value.length() >= MIN_LENGTH)
                .map(value -> value.getBytes(StandardCharsets.UTF_8));
        this.serviceName = serviceName;
    }

    Optional<byte[]> value() {
        return secret;
    }

    String serviceName() {
        return serviceName;
    }
}
