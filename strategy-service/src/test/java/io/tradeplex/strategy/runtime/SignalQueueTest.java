package io.tradeplex.strategy.runtime;

import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.engine.SignalKind;
import io.tradeplex.strategy.market.bars.BarInterval;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's own rules, with a writer that commits when the test says so. */
class SignalQueueTest {
    private final List<List<SignalQueue.Pending>> batches = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Set<UUID>>> commits = new CopyOnWriteArrayList<>();
    private final Recorded recorded = new Recorded();

    private final SignalQueue queue = queue(2);

    private SignalQueue queue(int writers) {
        return new SignalQueue(batch -> {
            batches.add(List.copyOf(batch));
            CompletableFuture<Set<UUID>> commit = new CompletableFuture<>();
            commits.add(commit);
            return Uni.createFrom().completionStage(commit);
        }, recorded, writers, 3, 100, 2);
    }

    @Test
    void oneTransactionPerUserAtATimeAndWhatQueuedMeanwhileGoesTogetherInOrder() {
        LiveStrategy alice1 = strategy(UUID.randomUUID());
        LiveStrategy alice2 = strategy(alice1.userId);
        LiveStrategy bob = strategy(UUID.randomUUID());

        queue.add(pending(alice1, 1));
        queue.add(pending(alice2, 2));
        queue.add(pending(alice1, 3));
        queue.add(pending(bob, 1));

        // Alice's first commit is in flight; her next two wait for it, Bob's does not.
        assertThat(batches).hasSize(2);
        assertThat(bars(batches.get(0))).containsExactly(1L);
        assertThat(batches.get(1)).extracting(pending -> pending.live().userId).containsOnly(bob.userId);

        commits.get(0).complete(Set.of());
        assertThat(batches).hasSize(3);
        assertThat(bars(batches.get(2))).containsExactly(2L, 3L);
        assertThat(batches.get(2)).extracting(SignalQueue.Pending::live).containsExactly(alice2, alice1);

        commits.get(2).complete(Set.of(alice2.strategyId));
        assertThat(recorded.notRunning).containsExactly(alice2);
        assertThat(recorded.written.get()).isEqualTo(2);
    }

    @Test
    void usersTakeTurnsForTheWritersInArrivalOrder() {
        SignalQueue oneWriter = queue(1);
        LiveStrategy alice = strategy(UUID.randomUUID());
        LiveStrategy bob = strategy(UUID.randomUUID());
        LiveStrategy carol = strategy(UUID.randomUUID());
        oneWriter.add(pending(alice, 1));
        oneWriter.add(pending(bob, 1));
        oneWriter.add(pending(carol, 1));
        oneWriter.add(pending(alice, 2));
        assertThat(batches).hasSize(1);

        commits.get(0).complete(Set.of());
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).extracting(SignalQueue.Pending::live).containsExactly(bob);
        commits.get(1).complete(Set.of());
        assertThat(batches.get(2)).extracting(SignalQueue.Pending::live).containsExactly(carol);
        commits.get(2).complete(Set.of());
        assertThat(batches.get(3)).extracting(SignalQueue.Pending::live).containsExactly(alice);
        assertThat(bars(batches.get(3))).containsExactly(2L);
    }

    @Test
    void aFullQueueFailsTheStrategyThatOverflowsItAndAFailedWriteIsRetriedThenReported() {
        LiveStrategy alice = strategy(UUID.randomUUID());
        queue.add(pending(alice, 1));
        for (long bar = 2; bar <= 5; bar++) {
            queue.add(pending(alice, bar));
        }
        assertThat(recorded.overflowed).containsExactly(alice);

        commits.get(0).completeExceptionally(new IllegalStateException("database down"));
        assertThat(batches).as("retried once").hasSize(2);
        commits.get(1).completeExceptionally(new IllegalStateException("database down"));
        assertThat(recorded.failed).hasSize(1);
        assertThat(batches).as("the next batch goes on").hasSize(3);
        assertThat(bars(batches.get(2))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void signalsOfAStrategyThatStoppedBeforeTheirTurnAreDropped() {
        LiveStrategy alice = strategy(UUID.randomUUID());
        LiveStrategy stopped = strategy(alice.userId);
        queue.add(pending(alice, 1));
        queue.add(pending(stopped, 2));
        stopped.active = false;
        commits.get(0).complete(Set.of());
        assertThat(batches).hasSize(1);
    }

    private static List<Long> bars(List<SignalQueue.Pending> batch) {
        return batch.stream().map(pending -> pending.signals().get(0).barTime().getEpochSecond()).toList();
    }

    private static LiveStrategy strategy(UUID userId) {
        return new LiveStrategy(UUID.randomUUID(), userId, UUID.randomUUID(), "paper", BarInterval.ofLabel("1m").orElseThrow(),
                Map.of());
    }

    private static SignalQueue.Pending pending(LiveStrategy live, long bar) {
        Signal signal = new Signal(Side.BUY, BigDecimal.ONE, SignalKind.values()[0], Instant.ofEpochSecond(bar), 0,
                "test", BigDecimal.TEN);
        return new SignalQueue.Pending(live, "BTC-USD", List.of(signal), "{}");
    }

    private static final class Recorded implements SignalQueue.Outcomes {
        final AtomicInteger written = new AtomicInteger();
        final List<LiveStrategy> notRunning = new ArrayList<>();
        final List<SignalQueue.Pending> failed = new ArrayList<>();
        final List<LiveStrategy> overflowed = new ArrayList<>();

        @Override
        public void written(SignalQueue.Pending pending) {
            written.incrementAndGet();
        }

        @Override
        public void notRunning(LiveStrategy live) {
            notRunning.add(live);
        }

        @Override
        public void failed(SignalQueue.Pending pending, Throwable failure) {
            failed.add(pending);
        }

        @Override
        public void overflowed(LiveStrategy live) {
            overflowed.add(live);
        }
    }
}
