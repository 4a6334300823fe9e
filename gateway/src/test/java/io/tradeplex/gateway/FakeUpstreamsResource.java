package io.tradeplex.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points every configured upstream at its own fake, and adds one more route, {@code /api/v1/offline}, to an upstream
 * that is down. Every test class declares this same resource, so Quarkus boots once for the module.
 */
public class FakeUpstreamsResource implements QuarkusTestResourceLifecycleManager {
    public static final List<String> SERVICES = List.of("auth", "user", "strategy", "order", "portfolio");
    /** Short, so the timeout test waits seconds rather than the production 15. */
    public static final int UPSTREAM_TIMEOUT_SECONDS = 2;

    private FakeUpstreams upstreams;

    @Override
    public Map<String, String> start() {
        try {
            upstreams = FakeUpstreams.start(SERVICES);
            Map<String, String> config = new HashMap<>();
            SERVICES.forEach(name -> config.put("tradeplex.gateway.upstreams." + name, upstreams.url(name)));
            config.put("tradeplex.gateway.upstreams.offline", "http://127.0.0.1:" + FakeUpstreams.closedPort());
            config.put("tradeplex.gateway.routes.offline", "/api/v1/offline");
            config.put("tradeplex.gateway.upstream-timeout", UPSTREAM_TIMEOUT_SECONDS + "s");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(upstreams, new TestInjector.MatchesType(FakeUpstreams.class));
    }

    @Override
    public void stop() {
        upstreams.close();
    }
}
