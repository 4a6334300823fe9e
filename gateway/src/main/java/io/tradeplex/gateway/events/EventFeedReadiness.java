package io.tradeplex.gateway.events;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the revocations published before this instance started have been read: until then it would accept
 * tokens of sessions already ended. Once caught up it stays ready, also while Kafka is away; what it knows then is at
 * worst as old as the outage.
 */
@Readiness
@Singleton
public class EventFeedReadiness implements HealthCheck {
    private final EventFeed feed;

    public EventFeedReadiness(EventFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("session-revocations").status(feed.caughtUp()).build();
    }
}
