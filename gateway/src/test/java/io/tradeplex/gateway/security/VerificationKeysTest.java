package io.tradeplex.gateway.security;

import io.tradeplex.gateway.ManualTime;
import io.tradeplex.gateway.TestSigningKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The key cache's rules, with a scripted JWKS source and a hand-moved clock. */
class VerificationKeysTest {
    private static final Duration MIN_REFRESH = Duration.ofSeconds(10);
    private static final PublicKey PEM = TestSigningKey.generate("pem").publicKey();
    private static final PublicKey FIRST = TestSigningKey.generate("first").publicKey();
    private static final PublicKey SECOND = TestSigningKey.generate("second").publicKey();

    private final ManualTime time = new ManualTime();
    private final ScriptedJwks jwks = new ScriptedJwks();

    /** Answers each fetch with the next scripted outcome and counts the fetches. */
    private static final class ScriptedJwks implements Supplier<Future<Map<String, PublicKey>>> {
        private final Queue<Future<Map<String, PublicKey>>> outcomes = new ArrayDeque<>();
        private int fetches;

        ScriptedJwks then(Future<Map<String, PublicKey>> outcome) {
            outcomes.add(outcome);
            return this;
        }

        @Override
        public Future<Map<String, PublicKey>> get() {
            fetches++;
            return outcomes.remove();
        }
    }

    private VerificationKeys keys(Optional<PublicKey> pem) {
        return new VerificationKeys(jwks, pem, MIN_REFRESH, time);
    }

    private static Optional<PublicKey> now(Future<Optional<PublicKey>> key) {
        assertThat(key.isComplete()).as("answered without waiting").isTrue();
        return key.result();
    }

    @Test
    void untilAJwksIsFetchedThePemKeyVerifiesWhateverTheKid() {
        jwks.then(Future.failedFuture("auth-service is down"));
        VerificationKeys keys = keys(Optional.of(PEM));

        assertThat(now(keys.keyFor("any"))).contains(PEM);
        assertThat(now(keys.keyFor("other"))).contains(PEM);
        assertThat(jwks.fetches).isEqualTo(1);
    }

    @Test
    void withoutPemKeyNothingVerifiesUntilAJwksIsFetched() {
        jwks.then(Future.failedFuture("auth-service is down"));

        assertThat(now(keys(Optional.empty()).keyFor("any"))).isEmpty();
    }

    @Test
    void onceAJwksIsKnownOnlyItsKeysCount() {
        jwks.then(Future.succeededFuture(Map.of("first", FIRST))).then(Future.succeededFuture(Map.of("first", FIRST)));
        VerificationKeys keys = keys(Optional.of(PEM));
        keys.refresh();

        assertThat(now(keys.keyFor("first"))).contains(FIRST);
        time.advance(MIN_REFRESH);
        assertThat(now(keys.keyFor("unknown"))).isEmpty();
        assertThat(jwks.fetches).isEqualTo(2);
    }

    @Test
    void anUnknownKidFetchesAtOnceButAtMostOncePerInterval() {
        jwks.then(Future.succeededFuture(Map.of("first", FIRST)))
                .then(Future.succeededFuture(Map.of("first", FIRST)))
                .then(Future.succeededFuture(Map.of("first", FIRST, "second", SECOND)));
        VerificationKeys keys = keys(Optional.of(PEM));
        keys.refresh();

        assertThat(now(keys.keyFor("second"))).as("fetched too soon after the last fetch").isEmpty();
        time.advance(MIN_REFRESH);
        assertThat(now(keys.keyFor("forged-1"))).isEmpty();
        assertThat(now(keys.keyFor("forged-2"))).isEmpty();
        assertThat(jwks.fetches).isEqualTo(2);

        time.advance(MIN_REFRESH);
        assertThat(now(keys.keyFor("second"))).contains(SECOND);
        assertThat(jwks.fetches).isEqualTo(3);
    }

    @Test
    void tokensArrivingDuringAFetchWaitForIt() {
        Promise<Map<String, PublicKey>> slowFetch = Promise.promise();
        jwks.then(slowFetch.future());
        VerificationKeys keys = keys(Optional.of(PEM));

        Future<Optional<PublicKey>> first = keys.keyFor("second");
        Future<Optional<PublicKey>> second = keys.keyFor("second");
        assertThat(first.isComplete()).isFalse();
        assertThat(second.isComplete()).isFalse();

        slowFetch.complete(Map.of("second", SECOND));
        assertThat(first.result()).contains(SECOND);
        assertThat(second.result()).contains(SECOND);
        assertThat(jwks.fetches).isEqualTo(1);
    }

    @Test
    void aFailedFetchKeepsTheKeysFetchedBefore() {
        jwks.then(Future.succeededFuture(Map.of("first", FIRST))).then(Future.failedFuture("auth-service is down"));
        VerificationKeys keys = keys(Optional.of(PEM));
        keys.refresh();
        time.advance(MIN_REFRESH);
        keys.refresh();

        assertThat(now(keys.keyFor("first"))).contains(FIRST);
        assertThat(jwks.fetches).isEqualTo(2);
    }
}
