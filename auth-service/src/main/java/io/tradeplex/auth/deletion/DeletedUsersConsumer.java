package io.tradeplex.auth.deletion;

import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.AccountRepository;
import io.tradeplex.auth.session.SessionService;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.kafka.IncomingEvent;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Follows user-service's soft deletion on {@code tradeplex.users.v1}: a user whose status becomes {@code DELETED} can
 * no longer log in or refresh, and every live session ends with {@code SessionRevoked}, in one transaction with the
 * inbox entry. {@code DISABLED} only stops trading, which is not auth-service's business, so it changes nothing here.
 * Deletion is one-way: the contract has no way back from {@code DELETED}.
 */
@ApplicationScoped
public class DeletedUsersConsumer {
    private static final Logger LOG = Logger.getLogger(DeletedUsersConsumer.class);
    static final String CONSUMER = "auth-service-users";

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final Inbox inbox;
    private final Clock clock;

    public DeletedUsersConsumer(AccountRepository accounts, SessionService sessions, Inbox inbox, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Incoming("user-states")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        // Compaction tombstones (no value) and other types are not ours to apply.
        if (!event.is(UserState.TYPE) || event.payload() == null) {
            return Uni.createFrom().voidItem();
        }
        UserState state = event.decode(UserState.class);
        if (!UserState.STATUS_DELETED.equals(state.status())) {
            return Uni.createFrom().voidItem();
        }
        // Both effects are conditional as well, so even a second DELETED record under a new event id changes nothing.
        return Tenant.transaction(state.userId(), () -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> !first
                        ? Uni.createFrom().voidItem()
                        : accounts.markDeleted(state.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS))
                        .chain(marked -> sessions.endAllWithin(state.userId(), SessionService.REASON_ACCOUNT_DELETED)
                                .invoke(ended -> {
                                    if (marked == 1) {
                                        LOG.infof("User %s was deleted: login refused, %d sessions revoked",
                                                state.userId(), ended);
                                    }
                                }))
                        .replaceWithVoid()));
    }
}
