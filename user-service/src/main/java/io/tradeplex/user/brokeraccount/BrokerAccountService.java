package io.tradeplex.user.brokeraccount;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.brokers.binance.BinanceClient;
import io.tradeplex.user.brokers.kite.KiteClient;
import io.tradeplex.user.brokers.kite.KiteSession;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import io.tradeplex.user.profile.ProfileService;
import io.tradeplex.user.state.UserStatePublisher;
import io.tradeplex.user.vault.CredentialVault;
import io.tradeplex.user.vault.Hints;
import io.tradeplex.user.vault.SecretName;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A user's broker accounts. Every operation is scoped to the caller's own accounts: another user's account id is
 * answered exactly like an id that does not exist. Calls to a broker happen outside any database transaction, so a
 * slow broker never holds a connection, and every change publishes the user's state in its own transaction.
 */
@ApplicationScoped
public class BrokerAccountService {
    static final BigDecimal DEFAULT_CAPITAL_USD = new BigDecimal("10000");
    static final String KITE_LOGIN_REQUIRED = "KITE_LOGIN_REQUIRED";

    private final BrokerAccountRepository accounts;
    private final ProfileService profiles;
    private final ProfileRepository profileRepository;
    private final UserStatePublisher statePublisher;
    private final CredentialVault vault;
    private final BinanceClient binance;
    private final KiteClient kite;
    private final AuditTrail audit;

    public BrokerAccountService(BrokerAccountRepository accounts, ProfileService profiles,
                                ProfileRepository profileRepository, UserStatePublisher statePublisher,
                                CredentialVault vault, BinanceClient binance, KiteClient kite, AuditTrail audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.profiles = profiles;
        this.profileRepository = profileRepository;
        this.statePublisher = statePublisher;
        this.vault = vault;
        this.binance = binance;
        this.kite = kite;
    }

    /**
     * Binance keys are checked with Binance before anything is stored; Kite keys can only be checked by logging in,
     * so a Kite account starts as LOGIN_REQUIRED.
     */
    public Uni<UUID> create(Identity caller, CreateBrokerAccountRequest request) {
        return Uni.createFrom().deferred(() -> {
            Broker broker = Broker.fromWire(request.broker());
            CredentialsInput credentials = credentialsFor(broker, request.credentials());
            Uni<Void> verified = broker == Broker.BINANCE
                    ? binance.verify(credentials.apiKey(), credentials.apiSecret())
                    : Uni.createFrom().voidItem();
            BrokerAccount account = newAccount(caller.userId(), broker, request);
            // The profile may not exist yet (registration is asynchronous) and the account needs its row. The insert
            // is flushed before the active mark is set, because the database checks that mark points at an own account.
            return verified.chain(() -> Tenant.transaction(caller.userId(), () -> profiles.ensure(caller)
                    .chain(() -> accounts.persistAndFlush(account))
                    .chain(() -> credentials == null ? Uni.createFrom().voidItem() : storeKeyPair(account, credentials))
                    .chain(() -> profiles.activateIfNone(caller.userId(), account.id))
                    .chain(() -> publishState(caller.userId()))
                    .chain(() -> audited(caller.userId(), "broker_account.create", account.id,
                            Map.of("broker", broker.name())))
                    .replaceWith(account.id)));
        });
    }

    public Uni<List<BrokerAccountView>> list(UUID userId) {
        Instant now = Instant.now();
        // One after the other: a reactive session runs one statement at a time.
        return Tenant.transaction(userId, () -> profiles.activeAccountId(userId)
                .chain(activeId -> vault.hints(userId).chain(hints -> accounts.listOwned(userId)
                        .chain(owned -> Multi.createFrom().iterable(owned)
                                .onItem().transformToUniAndConcatenate(account -> loginUrl(account).map(url ->
                                        BrokerAccountMapper.toView(account, activeId, hints.getOrDefault(account.id, Map.of()),
                                                url, now)))
                                .collect().asList()))));
    }

    public Uni<BrokerAccountView> get(UUID userId, UUID accountId) {
        return ownedOrDenied(userId, accountId, "broker_account.read",
                Tenant.transaction(userId, () -> owned(userId, accountId).chain(this::view)));
    }

    public Uni<BrokerAccountView> update(UUID userId, UUID accountId, UpdateBrokerAccountRequest change) {
        return ownedOrDenied(userId, accountId, "broker_account.update", Tenant.transaction(userId, () -> owned(userId, accountId)
                .invoke(account -> {
                    if (change.label() != null) {
                        account.label = change.label();
                    }
                    if (change.capitalUsd() != null) {
                        account.capitalUsd = change.capitalUsd();
                    }
                    if (change.riskTolerance() != null) {
                        account.riskTolerance = change.riskTolerance();
                    }
                    if (change.limits() != null) {
                        BrokerAccountMapper.applyLimits(account, change.limits());
                    }
                })
                .call(() -> publishState(userId))
                .call(() -> audited(userId, "broker_account.update", accountId, changedFields(change)))
                .chain(this::view)));
    }

    public Uni<BrokerAccountView> activate(UUID userId, UUID accountId) {
        return ownedOrDenied(userId, accountId, "broker_account.activate", Tenant.transaction(userId, () -> owned(userId, accountId)
                .call(account -> profiles.activate(userId, account.id))
                .call(() -> publishState(userId))
                .call(() -> audited(userId, "broker_account.activate", accountId, Map.of()))
                .chain(this::view)));
    }

    /**
     * Deleting the active account hands the active mark to the user's oldest remaining account, if any. The account's
     * secrets are shredded in the same transaction.
     */
    public Uni<Void> delete(UUID userId, UUID accountId) {
        return ownedOrDenied(userId, accountId, "broker_account.delete", Tenant.transaction(userId, () -> owned(userId, accountId)
                .chain(account -> accounts.findSuccessor(userId, accountId))
                .chain(successor -> profiles.handOverActive(userId, accountId, successor == null ? null : successor.id))
                .chain(() -> vault.shred(userId, accountId))
                .chain(() -> accounts.deleteOwned(userId, accountId))
                .chain(() -> publishState(userId))
                .chain(() -> audited(userId, "broker_account.delete", accountId, Map.of()))));
    }

    /**
     * Exchanges the request_token from Kite's login redirect for the day's session: reads the key pair, asks Kite
     * (no transaction open meanwhile), then stores the access token and Kite's user id.
     */
    public Uni<BrokerAccountView> startKiteSession(UUID userId, UUID accountId, String requestToken) {
        return Tenant.transaction(userId, () -> owned(userId, accountId).chain(account -> {
                    if (!account.is(Broker.KITE)) {
                        return Uni.createFrom().failure(ApiException.unprocessable("NOT_A_KITE_ACCOUNT",
                                "Only Kite accounts log in with a request_token; this is a " + account.broker + " account"));
                    }
                    return vault.reveal(userId, accountId);
                }))
                .chain(secrets -> kite.createSession(secrets.get(SecretName.API_KEY), secrets.get(SecretName.API_SECRET),
                        requestToken))
                .chain(session -> Tenant.transaction(userId, () -> owned(userId, accountId)
                        .call(account -> vault.store(userId, accountId, SecretName.ACCESS_TOKEN, session.accessToken(),
                                Hints.CONFIGURED))
                        .invoke(account -> startSession(account, session))
                        .call(() -> publishState(userId))
                        .chain(this::view)));
    }

    /**
     * The account's secrets in clear, for order-service. A Kite account without a current session has nothing to
     * trade with, and says so rather than handing out a dead token.
     */
    public Uni<BrokerCredentialsResponse> credentials(UUID userId, UUID accountId) {
        return Tenant.transaction(userId, () -> owned(userId, accountId).chain(account -> {
            if (!Broker.fromWire(account.broker).needsCredentials()) {
                return Uni.createFrom().failure(ApiException.notFound("Broker credentials"));
            }
            if (account.is(Broker.KITE) && !BrokerAccount.STATUS_READY.equals(account.statusAt(Instant.now()))) {
                return Uni.createFrom().failure(kiteLoginRequired(account));
            }
            return vault.reveal(userId, accountId).map(secrets -> new BrokerCredentialsResponse(account.id, account.broker,
                    secrets.get(SecretName.API_KEY), secrets.get(SecretName.API_SECRET),
                    secrets.get(SecretName.ACCESS_TOKEN), account.sessionExpiresAt, account.brokerUserId));
        }));
    }

    private static ApiException kiteLoginRequired(BrokerAccount account) {
        return ApiException.conflict(KITE_LOGIN_REQUIRED, account.sessionExpiresAt == null
                ? "Kite account " + account.id + " has no session yet: its owner must log in to Kite"
                : "The Kite session of account " + account.id + " expired at " + account.sessionExpiresAt
                + ": its owner must log in to Kite again");
    }

    /** Required for live brokers, refused for paper; both parts named when missing. */
    private static CredentialsInput credentialsFor(Broker broker, CredentialsInput credentials) {
        if (!broker.needsCredentials()) {
            if (credentials != null) {
                throw ApiException.invalid("credentials", "paper accounts take no credentials");
            }
            return null;
        }
        List<FieldError> missing = new ArrayList<>();
        if (credentials == null || credentials.apiKey() == null) {
            missing.add(new FieldError("credentials.apiKey", "is required for " + broker.wire() + " accounts"));
        }
        if (credentials == null || credentials.apiSecret() == null) {
            missing.add(new FieldError("credentials.apiSecret", "is required for " + broker.wire() + " accounts"));
        }
        if (!missing.isEmpty()) {
            throw new ApiException(400, "Invalid request", "VALIDATION", missing.stream()
                    .map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    missing);
        }
        return credentials;
    }

    private static BrokerAccount newAccount(UUID userId, Broker broker, CreateBrokerAccountRequest request) {
        BrokerAccount account = new BrokerAccount();
        account.id = UUID.randomUUID();
        account.userId = userId;
        account.broker = broker.wire();
        account.label = request.label();
        account.capitalUsd = request.capitalUsd() != null ? request.capitalUsd() : DEFAULT_CAPITAL_USD;
        account.riskTolerance = request.riskTolerance() != null ? request.riskTolerance() : RiskTolerance.DEFAULT.wire();
        account.status = broker == Broker.KITE ? BrokerAccount.STATUS_LOGIN_REQUIRED : BrokerAccount.STATUS_READY;
        BrokerAccountMapper.applyLimits(account, request.limits() != null ? request.limits() : AccountLimits.NONE);
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return account;
    }

    private Uni<Void> storeKeyPair(BrokerAccount account, CredentialsInput credentials) {
        return vault.store(account.userId, account.id, SecretName.API_KEY, credentials.apiKey(),
                        Hints.ofApiKey(credentials.apiKey()))
                .chain(() -> vault.store(account.userId, account.id, SecretName.API_SECRET, credentials.apiSecret(),
                        Hints.CONFIGURED));
    }

    private static void startSession(BrokerAccount account, KiteSession session) {
        account.brokerUserId = session.userId();
        account.sessionExpiresAt = session.expiresAt().truncatedTo(ChronoUnit.MICROS);
        account.status = BrokerAccount.STATUS_READY;
    }

    private Uni<BrokerAccountView> view(BrokerAccount account) {
        return profiles.activeAccountId(account.userId)
                .chain(activeId -> vault.hints(account.userId, account.id)
                        .chain(hints -> loginUrl(account).map(url ->
                                BrokerAccountMapper.toView(account, activeId, hints, url, Instant.now()))));
    }

    /** Kite's login URL carries the API key in clear: the user's browser sends it to Kite anyway. */
    private Uni<String> loginUrl(BrokerAccount account) {
        if (!account.is(Broker.KITE)) {
            return Uni.createFrom().nullItem();
        }
        return vault.reveal(account.userId, account.id, SecretName.API_KEY).map(kite::loginUrl);
    }

    /**
     * After every account change, in its transaction: the compacted users topic carries the accounts. The session is
     * flushed and cleared first, because bulk updates of the profile (the active mark) bypass its cached copy; nothing
     * is changed through entities after this.
     */
    private Uni<Void> publishState(UUID userId) {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear))
                .chain(() -> profileRepository.findById(userId))
                .chain(statePublisher::publish);
    }

    /** In the change's transaction, so the log line commits with the change it describes. */
    private Uni<Void> audited(UUID userId, String action, UUID accountId, Map<String, String> details) {
        Map<String, String> withAccount = new TreeMap<>(details);
        withAccount.put("accountId", accountId.toString());
        return audit.within(audit.allowed(userId, userId, action, BrokerAccountResource.PATH + "/" + accountId, withAccount));
    }

    /**
     * Someone else's (or no) account answers 404 like a missing one, and the attempt goes into the caller's own log.
     * Checked in a transaction of its own before the work, so the denial commits although the request fails (a record
     * made while the failing transaction unwinds would join it and roll back with it).
     */
    private <T> Uni<T> ownedOrDenied(UUID userId, UUID accountId, String action, Uni<T> work) {
        return Tenant.transaction(userId, () -> accounts.findOwned(userId, accountId))
                .chain(account -> account != null ? work
                        : audit.record(audit.denied(userId, userId, action, "NOT_FOUND",
                                        BrokerAccountResource.PATH + "/" + accountId, Map.of("accountId", accountId.toString())))
                                .chain(() -> Uni.createFrom().failure(ApiException.notFound("Broker account"))));
    }

    private static Map<String, String> changedFields(UpdateBrokerAccountRequest change) {
        List<String> fields = new ArrayList<>();
        if (change.label() != null) {
            fields.add("label");
        }
        if (change.capitalUsd() != null) {
            fields.add("capitalUsd");
        }
        if (change.riskTolerance() != null) {
            fields.add("riskTolerance");
        }
        if (change.limits() != null) {
            fields.add("limits");
        }
        return Map.of("changed", String.join(",", fields));
    }

    private Uni<BrokerAccount> owned(UUID userId, UUID accountId) {
        return accounts.findOwned(userId, accountId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Broker account"));
    }
}
