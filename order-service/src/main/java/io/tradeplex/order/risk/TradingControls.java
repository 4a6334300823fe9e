package io.tradeplex.order.risk;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
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

    @Incoming("controls")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(GlobalKillSwitch.TYPE)) {
            GlobalKillSwitch incoming = event.decode(GlobalKillSwitch.class);
            GlobalKillSwitch before = global.get();
            GlobalKillSwitch now = global.accumulateAndGet(incoming, (known, candidate) ->
                    known == null || !candidate.changedAt().isBefore(known.changedAt()) ? candidate : known);
            if (now == incoming) {
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
