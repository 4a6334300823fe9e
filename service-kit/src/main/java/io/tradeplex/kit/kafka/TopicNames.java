package io.tradeplex.kit.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Resolves a contract topic name to the one this process uses: tests prefix every topic with {@code test.}. */
@ApplicationScoped
public class TopicNames {
    private final String prefix;

    public TopicNames(@ConfigProperty(name = "tradeplex.kafka.topic-prefix") Optional<String> prefix) {
        this.prefix = prefix.orElse("");
    }

    public String of(String contractTopic) {
        return prefix + contractTopic;
    }
}
