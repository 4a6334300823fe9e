package io.tradeplex.user.vault;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Re-wraps every data key that is not under the active master key. Only the wrapping changes, never a ciphertext,
 * and each batch is its own short transaction, so the service keeps serving: a record not yet re-wrapped still opens
 * with its old key, which stays in the ring until the rotation is done.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    /** Where the walk over the records starts: PostgreSQL orders uuids as unsigned bytes, so all zeros comes first. */
    private static final UUID FIRST = new UUID(0L, 0L);

    private final BrokerCredentialRepository credentials;
    private final MasterKeyring ring;
    private final int batchSize;
    private final EnvelopeCipher cipher = new EnvelopeCipher();

    public KeyRotation(BrokerCredentialRepository credentials, MasterKeyring ring, VaultConfig config) {
        this.credentials = credentials;
        this.ring = ring;
        this.batchSize = config.rotationBatchSize();
    }

    public record Result(long rewrapped, long alreadyCurrent, String activeKeyId) {
    }

    /** To this service's active master key. */
    public Uni<Result> rotate() {
        return rotate(ring);
    }

    /**
     * To {@code target}'s active key. Records re-sealed during the walk (a new Kite session) are left as they are:
     * they carry a fresh data key under whichever key their writer had active, and the next rotation takes them.
     */
    public Uni<Result> rotate(MasterKeyring target) {
        LOG.infof("Key rotation to master key %s started", target.activeKeyId());
        return batch(target, FIRST, 0).chain(rewrapped -> Tenant.systemTransaction("key rotation counts its records",
                        () -> credentials.countUnderKey(target.activeKeyId()))
                .map(underActive -> new Result(rewrapped, underActive - rewrapped, target.activeKeyId())))
                .invoke(result -> LOG.infof("Key rotation to master key %s done: %d re-wrapped, %d already current",
                        result.activeKeyId(), result.rewrapped(), result.alreadyCurrent()));
    }

    private Uni<Long> batch(MasterKeyring target, UUID after, long doneSoFar) {
        return Tenant.systemTransaction("key rotation re-wraps data keys", () -> credentials
                        .notUnderKey(target.activeKeyId(), after, batchSize)
                        .chain(records -> rewrapAll(target, records).map(changed -> new Progress(records, changed))))
                .chain(progress -> progress.records().size() < batchSize
                        ? Uni.createFrom().item(doneSoFar + progress.changed())
                        : batch(target, progress.records().get(progress.records().size() - 1).id,
                        doneSoFar + progress.changed()));
    }

    private record Progress(List<BrokerCredential> records, long changed) {
    }

    private Uni<Long> rewrapAll(MasterKeyring target, List<BrokerCredential> records) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Uni<Long> changed = Uni.createFrom().item(0L);
        for (BrokerCredential record : records) {
            changed = changed.chain(sum -> credentials.rewrap(record, cipher.rewrap(target, record.context(), record.sealed()), now)
                    .map(rows -> sum + rows));
        }
        return changed;
    }
}
