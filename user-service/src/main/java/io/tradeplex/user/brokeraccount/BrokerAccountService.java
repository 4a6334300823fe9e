package io.tradeplex.user.brokeraccount;

import io.tradeplex.kit.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import io.tradeplex.user.profile.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A user's broker accounts. Every operation is scoped to the caller's own accounts: another user's account id is
 * answered exactly like an id that does not exist.
 */
@ApplicationScoped
public class BrokerAccountService {
    static final BigDecimal DEFAULT_PAPER_CAPITAL_USD = new BigDecimal("10000");

    private final BrokerAccountRepository accounts;
    private final ProfileService profiles;

    public BrokerAccountService(BrokerAccountRepository accounts, ProfileService profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    public Uni<UUID> create(Identity caller, CreateBrokerAccountRequest request) {
        Broker broker = Broker.fromWire(request.broker());
        if (!broker.linkable()) {
            return Uni.createFrom().failure(ApiException.unprocessable("BROKER_NOT_AVAILABLE",
                    "Linking " + broker.wire() + " accounts is not available yet: it needs encrypted credential storage"
                            + " and the " + broker.wire() + " adapter, which a later release brings. Paper accounts can be linked now."));
        }
        BrokerAccount account = new BrokerAccount();
        account.id = UUID.randomUUID();
        account.userId = caller.userId();
        account.broker = broker.wire();
        account.label = request.label();
        account.capitalUsd = request.capitalUsd() != null ? request.capitalUsd() : DEFAULT_PAPER_CAPITAL_USD;
        account.riskTolerance = request.riskTolerance() != null ? request.riskTolerance() : RiskTolerance.DEFAULT.wire();
        account.status = BrokerAccount.STATUS_READY;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The profile may not exist yet (registration is asynchronous) and the account needs its row. The insert is
        // flushed before the active mark is set, because the database checks that mark points at an own account.
        return Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)
                .chain(() -> accounts.persistAndFlush(account))
                .chain(() -> profiles.activateIfNone(caller.userId(), account.id))
                .replaceWith(account.id));
    }

    public Uni<List<BrokerAccountView>> list(UUID userId) {
        return Tenant.transaction(userId, () -> profiles.activeAccountId(userId)
                .chain(activeId -> accounts.listOwned(userId)
                        .map(owned -> owned.stream().map(account -> BrokerAccountMapper.toView(account, activeId)).toList())));
    }

    public Uni<BrokerAccountView> get(UUID userId, UUID accountId) {
        return Tenant.transaction(userId, () -> owned(userId, accountId)
                .chain(account -> profiles.activeAccountId(userId)
                        .map(activeId -> BrokerAccountMapper.toView(account, activeId))));
    }

    public Uni<BrokerAccountView> activate(UUID userId, UUID accountId) {
        return Tenant.transaction(userId, () -> owned(userId, accountId)
                .call(account -> profiles.activate(userId, account.id))
                .map(account -> BrokerAccountMapper.toView(account, account.id)));
    }

    /** Deleting the active account hands the active mark to the user's oldest remaining account, if any. */
    public Uni<Void> delete(UUID userId, UUID accountId) {
        return Tenant.transaction(userId, () -> owned(userId, accountId)
                .chain(account -> accounts.findSuccessor(userId, accountId))
                .chain(successor -> profiles.handOverActive(userId, accountId, successor == null ? null : successor.id))
                .chain(() -> accounts.deleteOwned(userId, accountId))
                .replaceWithVoid());
    }

    private Uni<BrokerAccount> owned(UUID userId, UUID accountId) {
        return accounts.findOwned(userId, accountId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Broker account"));
    }
}
