package io.tradeplex.strategy.market.binance;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the fake stream before the application, points the Binance feed at it and hands it to the test. */
public class FakeBinanceStreamResource implements QuarkusTestResourceLifecycleManager {
    private FakeBinanceStream stream;

    @Override
    public Map<String, String> start() {
        stream = new FakeBinanceStream();
        return Map.of("tradeplex.market.feed", "binance",
                "tradeplex.market.binance.url", stream.url(),
                "tradeplex.market.binance.reconnect-delay", "PT0.2S",
                "tradeplex.market.binance.max-reconnect-delay", "PT1S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stream, new TestInjector.MatchesType(FakeBinanceStream.class));
    }

    @Override
    public void stop() {
        if (stream != null) {
            stream.close();
        }
    }
}
