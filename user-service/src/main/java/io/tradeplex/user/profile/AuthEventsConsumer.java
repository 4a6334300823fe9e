package io.tradeplex.user.profile;

import io.tradeplex.kit.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.auth.EmailVerified;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.inbox.Inbox;
import io.tradeplex.kit.kafka.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps profiles in step with auth-service's registrations and e-mail verifications, exactly once per event. */
@ApplicationScoped
public class AuthEventsConsumer {
    static final String CONSUMER = "user-service.auth-events";

    private final Inbox inbox;
    private final ProfileService profiles;

    public AuthEventsConsumer(Inbox inbox, ProfileService profiles) {
        this.inbox = inbox;
        this.profiles = profiles;
    }

    @Incoming("auth-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.is(UserRegistered.TYPE)) {
            UserRegistered registered = event.decode(UserRegistered.class);
            return once(event, registered.userId(), () -> profiles.register(ProfileMapper.fromEvent(registered), registered.onboarding()));
        }
        if (event.is(EmailVerified.TYPE)) {
            EmailVerified verified = event.decode(EmailVerified.class);
            return once(event, verified.userId(), () -> profiles.markEmailVerified(verified.userId()));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> once(IncomingEvent event, java.util.UUID userId, java.util.function.Supplier<Uni<Void>> effect) {
        return Tenant.transaction(userId, () -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? effect.get() : Uni.createFrom().voidItem()));
    }
}
