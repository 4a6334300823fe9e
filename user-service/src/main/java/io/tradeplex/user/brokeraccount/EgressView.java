package io.tradeplex.user.brokeraccount;

import java.util.UUID;

/** The route pinned for an account; both null when it uses the default route. */
public record EgressView(UUID userId, UUID accountId, String broker, String proxy, String sourceAddress) {
    static EgressView of(BrokerAccount account) {
        return new EgressView(account.userId, account.id, account.broker, account.egressProxy, account.egressSourceAddress);
    }
}
