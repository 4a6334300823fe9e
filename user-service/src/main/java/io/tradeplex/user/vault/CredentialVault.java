package io.tradeplex.user.vault;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Broker secrets at rest. Every method must run inside {@code Tenant.transaction} of the secret's owner. Secrets
 * leave only through {@link #reveal}, for the internal credentials call and the broker adapters' own calls; the owner
 * sees {@link #hints} only.
 */
@ApplicationScoped
public class CredentialVault {
    private final BrokerCredentialRepository credentials;
    private final MasterKeyring ring;
    private final EnvelopeCipher cipher = new EnvelopeCipher();

    public CredentialVault(BrokerCredentialRepository credentials, MasterKeyring ring) {
        this.credentials = credentials;
        this.ring = ring;
    }

    /** Seals {@code secret} under a new data key, replacing what the account held under that name. */
    public Uni<Void> store(UUID userId, UUID accountId, SecretName name, String secret, String hint) {
        SecretContext context = new SecretContext(userId, accountId, name.wire());
        SealedSecret sealed = cipher.seal(ring, context, secret);
        Instant now = now();
        return credentials.findOwned(userId, accountId, name.wire()).chain(existing -> {
            BrokerCredential record = existing != null ? existing : newRecord(context, now);
            record.seal(sealed);
            record.hint = hint;
            record.updatedAt = now;
            return existing != null ? Uni.createFrom().voidItem() : credentials.persist(record).replaceWithVoid();
        });
    }

    /** The account's secrets in clear, for a call to its broker. Keep them no longer than that call. */
    public Uni<Map<SecretName, String>> reveal(UUID userId, UUID accountId) {
        return credentials.listOwned(userId, accountId).map(records -> {
            Map<SecretName, String> revealed = new EnumMap<>(SecretName.class);
            records.forEach(record -> revealed.put(nameOf(record), cipher.open(ring, record.context(), record.sealed())));
            return revealed;
        });
    }

    /** One secret in clear, or null if the account has none of that name. */
    public Uni<String> reveal(UUID userId, UUID accountId, SecretName name) {
        return credentials.findOwned(userId, accountId, name.wire())
                .map(record -> record == null ? null : cipher.open(ring, record.context(), record.sealed()));
    }

    /** The masked hints of every secret of the user's accounts, by account. */
    public Uni<Map<UUID, Map<SecretName, String>>> hints(UUID userId) {
        return credentials.listOwned(userId).map(CredentialVault::hintsByAccount);
    }

    public Uni<Map<SecretName, String>> hints(UUID userId, UUID accountId) {
        return credentials.listOwned(userId, accountId)
                .map(records -> hintsByAccount(records).getOrDefault(accountId, Map.of()));
    }

    /**
     * Crypto-shredding: the rows hold the only wrapped copies of the data keys, so deleting them leaves the
     * ciphertexts (in backups, say) unreadable even to a holder of the master key. @return secrets destroyed
     */
    public Uni<Long> shred(UUID userId, UUID accountId) {
        return credentials.deleteOwned(userId, accountId);
    }

    /** Shreds every secret of the user, for deleting the user. @return secrets destroyed */
    public Uni<Long> shredAll(UUID userId) {
        return credentials.deleteOwned(userId);
    }

    private static Map<UUID, Map<SecretName, String>> hintsByAccount(List<BrokerCredential> records) {
        Map<UUID, Map<SecretName, String>> hints = new HashMap<>();
        records.forEach(record -> hints.computeIfAbsent(record.accountId, id -> new EnumMap<>(SecretName.class))
                .put(nameOf(record), record.hint));
        return hints;
    }

    private static SecretName nameOf(BrokerCredential record) {
        for (SecretName name : SecretName.values()) {
            if (name.wire().equals(record.name)) {
                return name;
            }
        }
        throw new VaultException("Unknown secret name in credential record " + record.id);
    }

    private static BrokerCredential newRecord(SecretContext context, Instant now) {
        BrokerCredential record = new BrokerCredential();
        record.id = UUID.randomUUID();
        record.userId = context.userId();
        record.accountId = context.accountId();
        record.name = context.name();
        record.createdAt = now;
        return record;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
