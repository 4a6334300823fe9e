package io.tradeplex.order.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tradeplex.testing.brokers.FakeBinance;

import java.util.Map;

/** A local Binance that checks signatures as documented; the adapter is pointed at it. */
public class FakeBinanceResource implements QuarkusTestResourceLifecycleManager {
    public static final FakeBinance BINANCE = new FakeBinance();

    @Override
    public Map<String, String> start() {
        return Map.of("tradeplex.brokers.binance.base-url", BINANCE.baseUrl());
    }

    @Override
    public void stop() {
        BINANCE.close();
    }
}
