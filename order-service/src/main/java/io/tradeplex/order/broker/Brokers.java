package io.tradeplex.order.broker;

import io.tradeplex.order.execution.OpenOrder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The enabled broker adapters, by broker name. */
@ApplicationScoped
public class Brokers {
    private final Map<String, BrokerAdapter> byName;

    public Brokers(Instance<BrokerAdapter> adapters) {
        this.byName = adapters.stream().collect(Collectors.toUnmodifiableMap(BrokerAdapter::name, Function.identity()));
    }

    public boolean supports(String broker) {
        return byName.containsKey(broker);
    }

    public Optional<BrokerAdapter> of(String broker) {
        return Optional.ofNullable(byName.get(broker));
    }

    public Uni<Void> route(OpenOrder order) {
        return adapterOf(order).route(order);
    }

    public Uni<Void> cancel(OpenOrder order) {
        return adapterOf(order).cancel(order);
    }

    private BrokerAdapter adapterOf(OpenOrder order) {
        return of(order.broker())
                .orElseThrow(() -> new IllegalStateException("No adapter for " + order.broker() + " although it was accepted"));
    }
}
