package io.tradeplex.order.broker.autodisable;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per user, orders in a row that failed because of the broker rather than the order: no answer, 5xx or a
 * timeout that could not be resolved, or a call refused by the account's open circuit breaker. An order the broker
 * answered (placed, or found after a lost answer) ends the streak. Business refusals (insufficient balance, a bad
 * symbol) and our own back-pressure (a full queue, rate-limit waits) neither count nor end it: the broker is reachable
 * but that says nothing about whether it works for this user.
 * <p>
 * At {@code tradeplex.brokers.auto-disable-after} in a row the user's kill switch is set by the platform (user-service
 * audits it and publishes the user's state, which stops every order and cancels resting ones); only an administrator
 * resets it. The count lives in memory: one instance owns a user's orders (their partition), and a restart forgets a
 * streak, which errs on the side of trading. 0 turns this off.
 */
@ApplicationScoped
public class ConsecutiveBrokerErrors {
    private static final Logger LOG = Logger.getLogger(ConsecutiveBrokerErrors.class);

    private final int threshold;
    private final KillSwitchClient killSwitch;
    private final MeterRegistry meters;
    private final Map<UUID, Integer> streaks = new ConcurrentHashMap<>();

    public ConsecutiveBrokerErrors(@ConfigProperty(name = "tradeplex.brokers.auto-disable-after", defaultValue = "5") int threshold,
                                   KillSwitchClient killSwitch, MeterRegistry meters) {
        this.threshold = threshold;
        this.killSwitch = killSwitch;
        this.meters = meters;
    }

    /** The broker answered this user's order. */
    public void answered(UUID userId) {
        streaks.remove(userId);
    }

    /**
     * The broker failed this user's order. Never fails itself: a kill switch that cannot be set now is tried again
     * at the user's next failed order.
     *
     * @param what a short description for the kill switch's reason (no secrets)
     */
    public Uni<Void> failed(UUID userId, String broker, String what) {
        int streak = streaks.merge(userId, 1, Integer::sum);
        meters.counter("tradeplex.broker.errors", "broker", broker).increment();
        if (threshold <= 0 || streak < threshold) {
            return Uni.createFrom().voidItem();
        }
        String reason = ("Trading auto-disabled after " + streak + " consecutive broker errors; the last: " + broker + ", "
                + what).replaceAll("\\p{Cntrl}", " ");
        LOG.warnf("User %s: %d consecutive broker errors, setting their kill switch", userId, streak);
        return killSwitch.trigger(userId, reason.length() > 500 ? reason.substring(0, 500) : reason)
                .invoke(() -> {
                    streaks.remove(userId);
                    meters.counter("tradeplex.broker.auto-disabled", "broker", broker).increment();
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("The kill switch of user %s could not be set after %d broker errors: %s", userId, streak,
                            failure.toString());
                    return null;
                });
    }
}
