package io.tradeplex.order.broker.traffic;

import io.tradeplex.order.broker.traffic.TrafficScheduler.Draw;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's rules on a clock the test moves: windows, fairness, pauses, bounds. */
class TrafficSchedulerTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> log = new ArrayList<>();

    private final class Recorder implements TrafficScheduler.Waiter {
        private final String name;
        private final List<Long> admittedAt;
        private String refusedWith;

        Recorder(String name, List<Long> admittedAt) {
            this.name = name;
            this.admittedAt = admittedAt;
        }

        @Override
        public void admitted(long waitedMillis) {
            admittedAt.add(clock.nowMillis());
            log.add(name);
        }

        @Override
        public void refused(BrokerTrafficException refusal) {
            refusedWith = refusal.code();
        }
    }

    private TrafficScheduler scheduler(int perUser, int total, long maxWaitMillis) {
        return new TrafficScheduler(clock, perUser, total, maxWaitMillis);
    }

    private static Draw draw(String key, int weight, String... windows) {
        return new Draw(key, Window.parseAll(List.of(windows)), weight);
    }

    @Test
    void everyWindowOfAKeyIsRespectedAndNothingIsDropped() {
        TrafficScheduler scheduler = scheduler(1000, 1000, 3_600_000);
        List<Long> admitted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            scheduler.enqueue("ana", "kite", List.of(draw("kite:account:1", 1, "3/1s", "5/10s")), new Recorder("ana", admitted));
        }
        assertThat(admitted).hasSize(3);
        clock.advance(999);
        assertThat(admitted).hasSize(3);
        clock.advance(2_000);
        assertThat(admitted).hasSize(5);
        clock.advance(60_000);

        assertThat(admitted).hasSize(12);
        assertWithin(admitted, 3, 1_000);
        assertWithin(admitted, 5, 10_000);
    }

    @Test
    void aUserFloodingASharedEgressDelaysAnotherUsersSingleCallByAtMostOneSlot() {
        TrafficScheduler scheduler = scheduler(10_000, 10_000, 3_600_000);
        List<Long> flood = new ArrayList<>();
        List<Long> single = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            scheduler.enqueue("flooder", "binance", List.of(draw("binance:egress:direct", 1, "10/1s")),
                    new Recorder("flooder", flood));
        }
        clock.advance(5_000);
        int floodBefore = flood.size();
        long asked = clock.nowMillis();
        scheduler.enqueue("other", "binance", List.of(draw("binance:egress:direct", 1, "10/1s")), new Recorder("other", single));

        clock.advance(2_000);
        assertThat(single).hasSize(1);
        int floodBetween = log.subList(floodBefore, log.indexOf("other")).size();
        assertThat(floodBetween).isLessThanOrEqualTo(1);
        assertThat(single.get(0) - asked).isLessThanOrEqualTo(1_100);
        assertThat(flood.size()).isLessThan(1_000);
    }

    @Test
    void usersTakeTurnsWhileEachUsersCallsKeepTheirOrder() {
        TrafficScheduler scheduler = scheduler(100, 100, 3_600_000);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            for (String user : List.of("ana", "bob")) {
                scheduler.enqueue(user, "binance", List.of(draw("binance:egress:direct", 1, "1/1s")),
                        new TrafficScheduler.Waiter() {
                            @Override
                            public void admitted(long waitedMillis) {
                                order.add(user + n);
                            }

                            @Override
                            public void refused(BrokerTrafficException refusal) {
                                order.add("refused");
                            }
                        });
            }
        }
        clock.advance(10_000);
        assertThat(order).containsExactly("ana0", "bob0", "ana1", "bob1", "ana2", "bob2");
    }

    @Test
    void aUserBlockedByTheirOwnAccountLimitDoesNotHoldUpOthersOnTheSameEgress() {
        TrafficScheduler scheduler = scheduler(100, 100, 3_600_000);
        List<Long> ana = new ArrayList<>();
        List<Long> bob = new ArrayList<>();
        Draw egress = draw("binance:egress:direct", 1, "100/1s");
        for (int i = 0; i < 3; i++) {
            scheduler.enqueue("ana", "binance", List.of(draw("binance:account:a", 1, "1/10s"), egress), new Recorder("ana", ana));
        }
        scheduler.enqueue("bob", "binance", List.of(draw("binance:account:b", 1, "1/10s"), egress), new Recorder("bob", bob));
        assertThat(ana).hasSize(1);
        assertThat(bob).hasSize(1);
    }

    @Test
    void weightsCountAgainstTheWindow() {
        TrafficScheduler scheduler = scheduler(100, 100, 3_600_000);
        List<Long> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            scheduler.enqueue("ana", "binance", List.of(draw("binance:egress:direct", 4, "10/1m")), new Recorder("ana", admitted));
        }
        assertThat(admitted).hasSize(2);
        clock.advance(59_000);
        assertThat(admitted).hasSize(2);
        clock.advance(5_000);
        assertThat(admitted).hasSize(3);
    }

    @Test
    void aRetryAfterPausesTheKeyAndTheTurnedAwayCallGoesFirstAfterIt() {
        TrafficScheduler scheduler = scheduler(100, 100, 3_600_000);
        List<Long> admitted = new ArrayList<>();
        List<Draw> draws = List.of(draw("binance:egress:direct", 1, "100/1s"));
        scheduler.enqueue("ana", "binance", draws, new Recorder("first", admitted));
        assertThat(admitted).containsExactly(0L);

        // The broker answered 429 with Retry-After: 3.
        scheduler.pause("binance:egress:direct", 3_000);
        scheduler.enqueue("ana", "binance", draws, new Recorder("second", admitted));
        scheduler.requeue("ana", "binance", draws, 0, new Recorder("first-again", admitted));
        scheduler.enqueue("bob", "binance", draws, new Recorder("bob", admitted));
        clock.advance(2_999);
        assertThat(admitted).hasSize(1);
        clock.advance(1);
        assertThat(admitted).containsExactly(0L, 3_000L, 3_000L, 3_000L);
        assertThat(log).containsExactly("first", "first-again", "bob", "second");
    }

    @Test
    void aFullQueueRefusesWithAClearCodeAndOnlyForTheUserWhoFilledIt() {
        TrafficScheduler scheduler = scheduler(2, 100, 3_600_000);
        List<Long> admitted = new ArrayList<>();
        List<Draw> draws = List.of(draw("kite:account:1", 1, "1/1s"));
        scheduler.enqueue("ana", "kite", draws, new Recorder("ana", admitted));
        scheduler.enqueue("ana", "kite", draws, new Recorder("ana", admitted));
        scheduler.enqueue("ana", "kite", draws, new Recorder("ana", admitted));
        Recorder refused = new Recorder("ana", admitted);
        assertThat(scheduler.enqueue("ana", "kite", draws, refused)).isNull();
        assertThat(refused.refusedWith).isEqualTo(BrokerTrafficException.QUEUE_FULL);
        assertThat(scheduler.queued("kite")).isEqualTo(2);

        Recorder bob = new Recorder("bob", admitted);
        assertThat(scheduler.enqueue("bob", "kite", List.of(draw("kite:account:2", 1, "1/1s")), bob)).isNotNull();
        assertThat(bob.refusedWith).isNull();
    }

    @Test
    void aCallWaitingLongerThanTheMaximumIsRefusedNotSent() {
        TrafficScheduler scheduler = scheduler(100, 100, 5_000);
        List<Long> admitted = new ArrayList<>();
        List<Draw> draws = List.of(draw("kite:account:1", 1, "1/1d"));
        scheduler.enqueue("ana", "kite", draws, new Recorder("ana", admitted));
        Recorder late = new Recorder("ana", admitted);
        scheduler.enqueue("ana", "kite", draws, late);
        clock.advance(4_999);
        assertThat(late.refusedWith).isNull();
        clock.advance(1);
        assertThat(late.refusedWith).isEqualTo(BrokerTrafficException.RATE_LIMITED);
        assertThat(admitted).hasSize(1);
        assertThat(scheduler.queued("kite")).isZero();
    }

    @Test
    void aCancelledCallLeavesTheQueueAndTheNextOneMovesUp() {
        TrafficScheduler scheduler = scheduler(100, 100, 3_600_000);
        List<Long> admitted = new ArrayList<>();
        List<Draw> draws = List.of(draw("kite:account:1", 1, "1/1s"));
        scheduler.enqueue("ana", "kite", draws, new Recorder("first", admitted));
        TrafficScheduler.Ticket second = scheduler.enqueue("ana", "kite", draws, new Recorder("second", admitted));
        scheduler.enqueue("ana", "kite", draws, new Recorder("third", admitted));
        second.cancel();
        clock.advance(1_100);
        assertThat(log).containsExactly("first", "third");
    }

    @Test
    void windowsParseFromConfiguration() {
        assertThat(Window.parse("400/1m")).isEqualTo(new Window(400, Duration.ofMinutes(1)));
        assertThat(Window.parse(" 100 / 10s ")).isEqualTo(new Window(100, Duration.ofSeconds(10)));
        assertThat(Window.parse("5000/1d")).isEqualTo(new Window(5000, Duration.ofDays(1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Window.parse("10 per second"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** No period of this length anywhere in the run holds more than {@code limit} admissions. */
    private static void assertWithin(List<Long> admittedAt, int limit, long periodMillis) {
        for (long start : admittedAt) {
            long inPeriod = admittedAt.stream().filter(at -> at >= start && at < start + periodMillis).count();
            assertThat(inPeriod).as("admissions in [%d, %d)", start, start + periodMillis).isLessThanOrEqualTo(limit);
        }
    }
}
