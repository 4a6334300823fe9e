package io.tradeplex.user.killswitch;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.profile.ProfileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Halts a user for the rest of the day once portfolio-service reports their daily loss reached the limit: a system
 * kill switch, so the trader cannot lift it themself — a loss limit that the loser can undo protects nothing. Setting
 * it publishes the user's state, on which order-service refuses new orders and cancels resting ones. Lifting it stays
 * an administrator's decision; it is never reset automatically, not even the next day.
 */
@ApplicationScoped
public class DailyLossProtection {
    static final String CONSUMER = "user-service.portfolio-events";
    private static final Logger LOG = Logger.getLogger(DailyLossProtection.class);

    private final Inbox inbox;
    private final ProfileRepository profiles;
    private final KillSwitchService killSwitches;

    public DailyLossProtection(Inbox inbox, ProfileRepository profiles, KillSwitchService killSwitches) {
        this.inbox = inbox;
        this.profiles = profiles;
        this.killSwitches = killSwitches;
    }

    /** Everything else on the topic (positions, daily P&L) is for other readers. */
    @Incoming("portfolio-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.is(DailyLossLimitBreached.TYPE)) {
            return Uni.createFrom().voidItem();
        }
        DailyLossLimitBreached breach = event.decode(DailyLossLimitBreached.class);
        return Tenant.transaction(breach.userId(), () -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? halt(breach, event.id()) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> halt(DailyLossLimitBreached breach, String eventId) {
        return profiles.findById(breach.userId()).chain(user -> {
            if (user == null) {
                // Only users this service has published can trade: there is nothing here to halt.
                LOG.warnf("Daily-loss breach %s for unknown user %s ignored", eventId, breach.userId());
                return Uni.createFrom().voidItem();
            }
            return killSwitches.triggerBySystem(user, reason(breach), Topics.PORTFOLIO, Map.of(
                    "requestedBy", "portfolio-service",
                    "eventId", eventId,
                    "tradingDay", breach.tradingDay().toString(),
                    "netPnl", breach.netPnl().toPlainString(),
                    "maxDailyLossUsd", breach.maxDailyLossUsd().toPlainString())).replaceWithVoid();
        });
    }

    private static String reason(DailyLossLimitBreached breach) {
        return "Daily loss limit reached: " + breach.netPnl().toPlainString() + " USD on " + breach.tradingDay()
                + " (limit " + breach.maxDailyLossUsd().toPlainString() + " USD)";
    }
}
