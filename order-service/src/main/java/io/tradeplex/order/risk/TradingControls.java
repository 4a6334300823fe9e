package io.tradeplex.order.risk;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradeplex.contracts.Topics;
import io.tradeplex.kit.kafka.CompactedTopics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The global kill switch from the compacted {@code tradeplex.controls.v1}; every instance reads the whole topic, so an
 * administrator's switch reaches every order check within the consumer's lag.
 */
@ApplicationScoped
public class TradingControls {
    private static final Logger LOG = Logger.getLogger(TradingControls.class);
    private final AtomicReference<GlobalKillSwitch> global = new AtomicReference<>();
    private final TradingHalts halts;

    public TradingControls(TradingHalts halts) {
        this.halts = halts;
    }

    /** The switch as it is now, before the first request: see {@link CompactedTopics}. */
    void restore(@Observes @Priority(10) StartupEvent ignored, CompactedTopics topics) {
        topics.readToEnd(Topics.CONTROLS, event -> {
            if (event.is(GlobalKillSwitch.TYPE)) {
                newest(event.decode(GlobalKillSwitch.class));
            }
        });
        globalKillSwitch().ifPresent(on -> LOG.warnf("Starting with the global kill switch ON (%s)", on.reason()));
    }

    private GlobalKillSwitch newest(GlobalKillSwitch incoming) {
        return global.accumulateAndGet(incoming, (known, candidate) ->
                known == null || !candidate.changedAt().isBefore(known.changedAt()) ? candidate : known);
    }

    @Incoming("controls")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(GlobalKillSwitch.TYPE)) {
            GlobalKillSwitch incoming = event.decode(GlobalKillSwitch.class);
            GlobalKillSwitch before = global.get();
            if (newest(incoming) == incoming) {
                LOG.infof("Global kill switch is %s (%s)", incoming.active() ? "ON" : "off", incoming.reason());
                if (incoming.active() && (before == null || !before.active())) {
                    return halts.haltEveryone("global kill switch: " + incoming.reason());
                }
            }
        }
        return Uni.createFrom().voidItem();
    }

    /** @return the switch while it is on */
    public Optional<GlobalKillSwitch> globalKillSwitch() {
        return Optional.ofNullable(global.get()).filter(GlobalKillSwitch::active);
    }
}
