package io.tradeplex.user.brokeraccount;

import java.util.UUID;

public final class BrokerAccountMapper {
    private BrokerAccountMapper() {
    }

    public static BrokerAccountView toView(BrokerAccount account, UUID activeAccountId) {
        return new BrokerAccountView(account.id, account.broker, account.label, account.capitalUsd, account.riskTolerance,
                account.id.equals(activeAccountId), account.status, account.createdAt);
    }
}
