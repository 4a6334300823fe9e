package io.tradeplex.contracts;

import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.contracts.controls.GlobalKillSwitch;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.CancelOrder;
import io.tradeplex.contracts.orders.OrderAccepted;
import io.tradeplex.contracts.orders.OrderCancelled;
import io.tradeplex.contracts.orders.OrderFilled;
import io.tradeplex.contracts.orders.OrderRejected;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.contracts.portfolio.PositionChanged;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.contracts.strategies.StrategySignalRejected;
import io.tradeplex.contracts.strategies.StrategyStarted;
import io.tradeplex.contracts.strategies.StrategyStopped;
import io.tradeplex.contracts.users.UserState;

import java.util.Map;
import java.util.Optional;

/** The catalogue of event types: {@code ce_type} to payload class. A reader skips types it does not know. */
public final class EventTypes {
    private static final Map<String, Class<? extends Event>> BY_TYPE = Map.ofEntries(
            Map.entry(UserRegistered.TYPE, UserRegistered.class),
            Map.entry(EmailVerified.TYPE, EmailVerified.class),
            Map.entry(SessionRevoked.TYPE, SessionRevoked.class),
            Map.entry(UserState.TYPE, UserState.class),
            Map.entry(GlobalKillSwitch.TYPE, GlobalKillSwitch.class),
            Map.entry(AuditEvent.TYPE, AuditEvent.class),
            Map.entry(MarketTick.TYPE, MarketTick.class),
            Map.entry(PlaceOrder.TYPE, PlaceOrder.class),
            Map.entry(CancelOrder.TYPE, CancelOrder.class),
            Map.entry(OrderAccepted.TYPE, OrderAccepted.class),
            Map.entry(OrderRejected.TYPE, OrderRejected.class),
            Map.entry(OrderFilled.TYPE, OrderFilled.class),
            Map.entry(OrderCancelled.TYPE, OrderCancelled.class),
            Map.entry(PositionChanged.TYPE, PositionChanged.class),
            Map.entry(DailyPnl.TYPE, DailyPnl.class),
            Map.entry(DailyLossLimitBreached.TYPE, DailyLossLimitBreached.class),
            Map.entry(StrategyStarted.TYPE, StrategyStarted.class),
            Map.entry(StrategyStopped.TYPE, StrategyStopped.class),
            Map.entry(StrategyFailed.TYPE, StrategyFailed.class),
            Map.entry(StrategySignal.TYPE, StrategySignal.class),
            Map.entry(StrategySignalRejected.TYPE, StrategySignalRejected.class));

    private EventTypes() {
    }

    public static Optional<Class<? extends Event>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Map<String, Class<? extends Event>> all() {
        return BY_TYPE;
    }
}
