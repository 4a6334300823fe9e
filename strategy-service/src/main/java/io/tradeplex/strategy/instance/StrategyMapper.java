package io.tradeplex.strategy.instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.strategy.signal.SignalEntity;

/** Entity ↔ API view. */
public final class StrategyMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StrategyMapper() {
    }

    public static StrategyView toView(StrategyEntity strategy, SignalEntity last) {
        try {
            return new StrategyView(strategy.id, strategy.template, strategy.accountId, strategy.symbolList(),
                    strategy.barInterval, JSON.readTree(strategy.params), strategy.status.name(), strategy.statusReason,
                    last == null ? null : toView(last), strategy.createdAt, strategy.updatedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A strategy's parameters are not JSON", e);
        }
    }

    public static StrategyView.SignalView toView(SignalEntity signal) {
        return new StrategyView.SignalView(signal.orderId, signal.clientOrderId, signal.symbol, signal.side.name(),
                signal.quantity, signal.kind, signal.reason, signal.barTime, signal.status, signal.rejectCode,
                signal.rejectReason, signal.updatedAt);
    }
}
