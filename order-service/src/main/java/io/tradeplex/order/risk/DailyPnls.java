package io.tradeplex.order.risk;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user's newest day P&L from portfolio-service ({@code tradeplex.portfolio.v1}), held in memory for
 * {@link DailyLossRules}: any instance may take any user's order on the REST path, so each reads the whole topic (its
 * own group, from the beginning, committing nothing). The newest by {@code asOf} wins, so reading the topic again
 * never brings back an older figure.
 */
@ApplicationScoped
public class DailyPnls {
    private final Map<UUID, DailyPnl> latest = new ConcurrentHashMap<>();

    /** Positions and breaches on the same topic are other readers' business. */
    @Incoming("daily-pnl")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(DailyPnl.TYPE)) {
            DailyPnl incoming = event.decode(DailyPnl.class);
            latest.merge(incoming.userId(), incoming,
                    (known, candidate) -> candidate.asOf().isBefore(known.asOf()) ? known : candidate);
        }
        return Uni.createFrom().voidItem();
    }

    /** @return the user's newest day P&L, of whatever day; empty before their first fill */
    public Optional<DailyPnl> of(UUID userId) {
        return Optional.ofNullable(latest.get(userId));
    }
}
