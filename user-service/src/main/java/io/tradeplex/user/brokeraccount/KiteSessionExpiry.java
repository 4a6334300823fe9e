package io.tradeplex.user.brokeraccount;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.state.UserStatePublisher;
import io.tradeplex.user.vault.CredentialVault;
import io.tradeplex.user.vault.SecretName;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Ends a Kite session the moment Kite refuses it, rather than at its nominal expiry: the account reads
 * LOGIN_REQUIRED and the user's state is published at once, so order-service refuses the account's next orders
 * before they reach Kite (no retry storm against an expired session). Audited, in the same transaction.
 */
@ApplicationScoped
public class KiteSessionExpiry {
    private static final Logger LOG = Logger.getLogger(KiteSessionExpiry.class);

    private final BrokerAccountRepository accounts;
    private final ProfileRepository profiles;
    private final UserStatePublisher statePublisher;
    private final CredentialVault vault;
    private final AuditTrail audit;

    public KiteSessionExpiry(BrokerAccountRepository accounts, ProfileRepository profiles,
                             UserStatePublisher statePublisher, CredentialVault vault, AuditTrail audit) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.statePublisher = statePublisher;
        this.vault = vault;
        this.audit = audit;
    }

    public record Outcome(UUID accountId, String status, boolean ended) {
    }

    /**
     * @return the account's status afterwards, and whether this call ended the session: it does not when the refused
     * token is no longer the account's (the user has logged in again since) or the session had already ended
     */
    public Uni<Outcome> loginRequired(UUID userId, UUID accountId, KiteLoginRequiredRequest report, String caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Tenant.transaction(userId, () -> accounts.findOwned(userId, accountId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Broker account"))
                .chain(account -> {
                    if (!account.is(Broker.KITE)) {
                        return Uni.createFrom().failure(ApiException.unprocessable("NOT_A_KITE_ACCOUNT",
                                "Only Kite accounts have a session to end; this is a " + account.broker + " account"));
                    }
                    return vault.reveal(userId, accountId, SecretName.ACCESS_TOKEN).chain(token -> {
                        boolean current = token != null && sha256Hex(token).equals(report.accessTokenSha256());
                        if (!current || !BrokerAccount.STATUS_READY.equals(account.statusAt(now))) {
                            LOG.infof("Kite session of account %s left as it is (%s): the refused token is %s",
                                    accountId, account.statusAt(now), current ? "already ended" : "not its current one");
                            return Uni.createFrom().item(new Outcome(accountId, account.statusAt(now), false));
                        }
                        account.status = BrokerAccount.STATUS_LOGIN_REQUIRED;
                        account.sessionExpiresAt = now;
                        LOG.infof("Kite session of account %s ended: Kite refused it (reported by %s)", accountId, caller);
                        return audit.within(audit.allowed(userId, null, "broker-account.kite.login-required",
                                        "/api/v1/me/broker-accounts/" + accountId,
                                        Map.of("accountId", accountId.toString(), "reportedBy", String.valueOf(caller),
                                                "reason", report.reason() == null ? "TokenException" : report.reason())))
                                .chain(() -> publishState(userId))
                                .replaceWith(new Outcome(accountId, BrokerAccount.STATUS_LOGIN_REQUIRED, true));
                    });
                }));
    }

    /** As every account change: flushed first, then the user's complete state in the same transaction. */
    private Uni<Void> publishState(UUID userId) {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear))
                .chain(() -> profiles.findById(userId))
                .chain(statePublisher::publish);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
