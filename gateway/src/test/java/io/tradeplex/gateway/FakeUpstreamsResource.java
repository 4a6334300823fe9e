package io.tradeplex.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.testing.KafkaProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Points every configured upstream at its own fake, and adds two more routes: {@code /api/v1/offline} to an upstream
 * that is down, and {@code /api/v1/flaky} to a fake of its own that circuit-breaker tests may break without touching
 * any other route. Before the gateway starts, it also revokes a session on Kafka. Every test class declares this same
 * resource, so Quarkus boots once for the module.
 */
public class FakeUpstreamsResource implements QuarkusTestResourceLifecycleManager {
    public static final List<String> SERVICES = List.of("auth", "user", "strategy", "order", "portfolio");
    public static final String FLAKY = "flaky";
    /** A session whose revocation is on Kafka before the gateway starts, as after a logout during a restart. */
    public static final UUID REVOKED_BEFORE_START = UUID.randomUUID();
    /** Short, so the timeout test waits seconds rather than the production 15. */
    public static final int UPSTREAM_TIMEOUT_SECONDS = 2;
    public static final int MAX_CONNECTIONS = 8;

    private FakeUpstreams upstreams;

    @Override
    public Map<String, String> start() {
        try {
            List<String> fakes = new ArrayList<>(SERVICES);
            fakes.add(FLAKY);
            upstreams = FakeUpstreams.start(fakes);
            Map<String, String> config = new HashMap<>();
            fakes.forEach(name -> config.put("tradeplex.gateway.upstreams." + name, upstreams.url(name)));
            config.put("tradeplex.gateway.routes." + FLAKY, "/api/v1/" + FLAKY);
            config.put("tradeplex.gateway.upstreams.offline", "http://127.0.0.1:" + FakeUpstreams.closedPort());
            config.put("tradeplex.gateway.routes.offline", "/api/v1/offline");
            config.put("tradeplex.gateway.upstream-timeout", UPSTREAM_TIMEOUT_SECONDS + "s");
            // Few, so a test can show that connections are never leaked: a leak would use them up in a few requests.
            config.put("tradeplex.gateway.max-connections-per-upstream", Integer.toString(MAX_CONNECTIONS));
            revokeBeforeStart();
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Valid for a day: tests move the gateway's clock ahead, by minutes. */
    private static void revokeBeforeStart() {
        UUID userId = UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send("test." + Topics.AUTH, userId.toString(), new SessionRevoked(SessionRevoked.SCHEMA_VERSION, userId,
                    REVOKED_BEFORE_START, "logout", now, now.plus(Duration.ofDays(1))));
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
