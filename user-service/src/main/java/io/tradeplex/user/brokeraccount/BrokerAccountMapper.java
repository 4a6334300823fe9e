package io.tradeplex.user.brokeraccount;

import io.tradeplex.user.vault.SecretName;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public final class BrokerAccountMapper {
    private BrokerAccountMapper() {
    }

    /**
     * @param hints    the account's masked secrets (empty for paper)
     * @param loginUrl Kite's login URL for this account, null for other brokers
     */
    public static BrokerAccountView toView(BrokerAccount account, UUID activeAccountId, Map<SecretName, String> hints,
                                           String loginUrl, Instant now) {
        MaskedCredentials credentials = hints.isEmpty() ? null : new MaskedCredentials(hints.get(SecretName.API_KEY),
                hints.get(SecretName.API_SECRET), hints.get(SecretName.ACCESS_TOKEN));
        return new BrokerAccountView(account.id, account.broker, account.label, account.capitalUsd, account.riskTolerance,
                account.id.equals(activeAccountId), account.statusAt(now), account.createdAt, credentials, limits(account),
                account.brokerUserId, account.sessionExpiresAt, account.sessionExpiredAt(now), loginUrl);
    }

    public static AccountLimits limits(BrokerAccount account) {
        return new AccountLimits(account.maxPositionSizeUsd, account.maxDailyLossUsd, account.maxOpenPositions);
    }

    public static void applyLimits(BrokerAccount account, AccountLimits limits) {
        account.maxPositionSizeUsd = limits.maxPositionSizeUsd();
        account.maxDailyLossUsd = limits.maxDailyLossUsd();
        account.maxOpenPositions = limits.maxOpenPositions();
    }
}
