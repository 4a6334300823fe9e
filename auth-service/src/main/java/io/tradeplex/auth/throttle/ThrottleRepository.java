package io.tradeplex.auth.throttle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ThrottleRepository implements PanacheRepositoryBase<ThrottleEntry, String> {

    /**
     * Creates the missing rows, then locks all of them, always in key order so two logins sharing a key cannot
     * deadlock. The lock is what makes the check-then-count atomic across instances.
     */
    public Uni<List<ThrottleEntry>> lock(List<String> keys, Instant now) {
        List<String> sorted = keys.stream().sorted().toList();
        Uni<Void> ensured = Uni.createFrom().voidItem();
        for (String key : sorted) {
            ensured = ensured.chain(() -> Panache.getSession().chain(session -> session
                    .createNativeQuery("insert into login_throttles (key, failures, updated_at) values (:key, 0, :now)"
                            + " on conflict do nothing")
                    .setParameter("key", key)
                    .setParameter("now", now)
                    .executeUpdate()).replaceWithVoid());
        }
        return ensured.chain(() -> find("key in ?1 order by key", sorted).withLock(LockModeType.PESSIMISTIC_WRITE).list());
    }
}
