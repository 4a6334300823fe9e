package io.tradeplex.order.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tradeplex.testing.brokers.FakeKite;

import java.util.Map;

/** A local Kite Connect that checks headers, sessions and order fields as documented; the adapter is pointed at it. */
public class FakeKiteResource implements QuarkusTestResourceLifecycleManager {
    public static final FakeKite KITE = new FakeKite();

    @Override
    public Map<String, String> start() {
        return Map.of("tradeplex.brokers.kite.base-url", KITE.baseUrl());
    }

    @Override
    public void stop() {
        KITE.close();
    }
}
