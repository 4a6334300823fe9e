package io.tradeplex.user.brokers;

import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.testing.brokers.FakeKite;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Starts the fake brokers once for the test run and points the service at them. A test gets them in fields
 * annotated {@link Fake}.
 */
public class BrokerFakes implements QuarkusTestResourceLifecycleManager {
    private FakeBinance binance;
    private FakeKite kite;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Fake {
    }

    @Override
    public Map<String, String> start() {
        binance = new FakeBinance();
        kite = new FakeKite();
        return Map.of(
                "tradeplex.brokers.binance.base-url", binance.baseUrl(),
                "tradeplex.brokers.kite.base-url", kite.baseUrl(),
                "tradeplex.brokers.kite.login-url", kite.baseUrl() + "/connect/login",
                // A refused connection or a missing answer should fail a test in seconds, not hang it.
                "tradeplex.brokers.read-timeout", "5s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(binance, new TestInjector.AnnotatedAndMatchesType(Fake.class, FakeBinance.class));
        injector.injectIntoFields(kite, new TestInjector.AnnotatedAndMatchesType(Fake.class, FakeKite.class));
    }

    @Override
    public void stop() {
        binance.close();
        kite.close();
    }
}
