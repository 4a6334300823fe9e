package io.tradeplex.contracts;

import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.CancelOrder;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.portfolio.PositionChanged;

import java.util.Map;
import java.util.Optional;

/** The catalogue of event types: {@code ce_type} to payload class. A reader skips types it does not know. */
public final class EventTypes {
    private static final Map<String, Class<? extends Event>> BY_TYPE = Map.of(
            UserRegistered.TYPE, UserRegistered.class,
            MarketTick.TYPE, MarketTick.class,
            PlaceOrder.TYPE, PlaceOrder.class,
            CancelOrder.TYPE, CancelOrder.class,
            OrderAccepted.TYPE, OrderAccepted.class,
            OrderRejected.TYPE, OrderRejected.class,
            OrderFilled.TYPE, OrderFilled.class,
            OrderCancelled.TYPE, OrderCancelled.class,
            PositionChanged.TYPE, PositionChanged.class);

    private EventTypes() {
    }

    public static Optional<Class<? extends Event>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Map<String, Class<? extends Event>> all() {
        return BY_TYPE;
    }
}
