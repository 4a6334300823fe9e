package io.tradeplex.strategy.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class UserLanesTest {
    @Test
    void aPendingWriteHoldsItsUsersLaneButNotTheWorker() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> aliceWrite = new CompletableFuture<>();
        CountDownLatch bobRan = new CountDownLatch(1);
        CountDownLatch aliceSecondRan = new CountDownLatch(1);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        try (UserLanes lanes = new UserLanes(1, Duration.ofSeconds(5), 10)) {
            lanes.submit(alice, task(() -> {
                ran.add("alice-1");
                return aliceWrite;
            }));
            lanes.submit(alice, task(() -> {
                ran.add("alice-2");
                aliceSecondRan.countDown();
                return null;
            }));
            lanes.submit(bob, task(() -> {
                ran.add("bob-1");
                bobRan.countDown();
                return null;
            }));

            // One worker: Bob runs while Alice's write is pending, so the write did not keep the worker.
            assertThat(bobRan.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(aliceSecondRan.await(300, TimeUnit.MILLISECONDS))
                    .as("Alice's next bar must wait for her pending write").isFalse();

            aliceWrite.complete(null);
            assertThat(aliceSecondRan.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsSubsequence("alice-1", "alice-2");
        }
    }

    @Test
    void aSlowWriteIsNotOverBudgetButSlowWorkIs() throws Exception {
        AtomicLong overran = new AtomicLong();
        CountDownLatch afterWrite = new CountDownLatch(1);
        CountDownLatch spinnerOverran = new CountDownLatch(1);
        UUID user = UUID.randomUUID();
        try (UserLanes lanes = new UserLanes(1, Duration.ofMillis(100), 10)) {
            CompletableFuture<Void> write = new CompletableFuture<>();
            lanes.submit(user, new UserLanes.Task() {
                @Override
                public CompletionStage<?> run() {
                    return write;
                }

                @Override
                public void rejected() {
                }

                @Override
                public void overran(long elapsedMillis) {
                    overran.incrementAndGet();
                }
            });
            lanes.submit(user, task(() -> {
                afterWrite.countDown();
                return null;
            }));
            Thread.sleep(400);
            write.complete(null);
            assertThat(afterWrite.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(overran.get()).isZero();

            lanes.submit(user, new UserLanes.Task() {
                @Override
                public CompletionStage<?> run() {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return null;
                }

                @Override
                public void rejected() {
                }

                @Override
                public void overran(long elapsedMillis) {
                    spinnerOverran.countDown();
                }
            });
            assertThat(spinnerOverran.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static UserLanes.Task task(Supplier<CompletionStage<?>> work) {
        return new UserLanes.Task() {
            @Override
            public CompletionStage<?> run() {
                return work.get();
            }

            @Override
            public void rejected() {
                throw new AssertionError("not expected to overflow");
            }

            @Override
            public void overran(long elapsedMillis) {
                throw new AssertionError("not expected to overrun");
            }
        };
    }
}
