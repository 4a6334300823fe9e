package io.tradeplex.kit.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Database work on behalf of one user, under PostgreSQL row-level security.
 * <p>
 * Every table holding user data has the policy {@code user_id = current_setting('app.user_id')}, forced on its owner
 * too, and the service connects as a role that can neither bypass nor disable it. Each method here opens a session
 * and a transaction whose first statement sets {@code app.user_id} with {@code set_config(..., true)}: that is
 * transaction-local, so it ends with the commit or rollback and never reaches the next borrower of the pooled
 * connection (a session-level {@code SET} would). A query that forgets its {@code user_id} filter therefore still
 * sees, changes and creates nothing of anyone else, and with no user set it sees nothing at all.
 * <p>
 * Reads need a transaction too: outside one, each statement commits on its own and the setting would not apply.
 */
public final class Tenant {
    private static final String USER_SETTING = "app.user_id";
    private static final String BYPASS_SETTING = "app.rls_bypass";
    private static final Logger LOG = Logger.getLogger(Tenant.class);

    private Tenant() {
    }

    /** Runs {@code work} in a new transaction that sees and writes only {@code userId}'s rows. */
    public static <T> Uni<T> transaction(UUID userId, Supplier<Uni<T>> work) {
        Objects.requireNonNull(userId, "userId");
        return Uni.createFrom().deferred(() -> {
            requireNoOpenSession();
            return inNewTransaction(USER_SETTING, userId.toString(), work);
        });
    }

    /**
     * For the few paths that must work across users, e.g. rebuilding an in-memory order book from every user's open
     * orders at start. It switches on the bypass policies, which a table has only where such a path needs one and only
     * for what that path does (typically reading), and logs the reason each time it runs. Use {@link #transaction}
     * whenever the user is known, even in consumers and background jobs.
     *
     * @param reason why the bypass is needed: a fixed text, never user input
     */
    public static <T> Uni<T> systemTransaction(String reason, Supplier<Uni<T>> work) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A row-level security bypass needs a reason");
        }
        return Uni.createFrom().deferred(() -> {
            requireNoOpenSession();
            LOG.infof("Row-level security bypass: %s", reason.replaceAll("[\\r\\n]", "_"));
            return inNewTransaction(BYPASS_SETTING, "on", work);
        });
    }

    /**
     * Checked when subscribed, so a retry (a re-subscription) is checked again. Joining an open session or transaction
     * would let this setting replace another user's in the middle of a transaction, or hand out entities an earlier
     * transaction of the same session loaded for someone else.
     */
    private static void requireNoOpenSession() {
        if (SessionOperations.getCurrentSession() != null) {
            throw new IllegalStateException("A tenant transaction opens its own session; it cannot run inside "
                    + "another session or transaction (@WithSession, Panache.withSession/withTransaction, Tenant.*)");
        }
    }

    /**
     * The setting is the transaction's first statement, before anything the work reads or writes. It is HQL, not a
     * native query: Hibernate never finds a native scalar query's plan in its plan cache (the dynamic result mapping is
     * never equal to itself), so every transaction would add one more entry with the same hash and each lookup would
     * walk all of them — measured as a tenth of order-service's CPU under load.
     */
    private static <T> Uni<T> inNewTransaction(String setting, String value, Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createSelectionQuery("select function('set_config', :setting, :value, true)",
                                String.class)
                        .setParameter("setting", setting)
                        .setParameter("value", value)
                        .getSingleResult())
                .chain(ignored -> work.get()));
    }
}
