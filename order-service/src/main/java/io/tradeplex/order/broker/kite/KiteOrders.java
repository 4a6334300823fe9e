package io.tradeplex.order.broker.kite;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.order.OrderEntity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the order a Kite postback is about. Kite's call carries no user of ours, only the tag we gave the order, so
 * this one read crosses users: a system transaction, read-only (the bypass policy only reads), one row by an
 * unguessable tag, and nothing is done with it until the postback's checksum is verified with that order's own
 * account secret. Everything after runs as the order's user.
 */
@ApplicationScoped
public class KiteOrders {
    // The expression of index orders_kite_tag (V5), so the lookup is an index scan.
    private static final String BY_TAG = "select * from orders where broker = 'kite'"
            + " and left(replace(cast(id as text), '-', ''), 20) = ?1";

    /** @return the order tagged so, or null */
    public Uni<OrderEntity> byTag(String tag) {
        return Tenant.systemTransaction("a Kite postback names its order only by our tag",
                () -> Panache.getSession().chain(session -> session.createNativeQuery(BY_TAG, OrderEntity.class)
                        .setParameter(1, tag).getResultList())
                        .map(found -> found.size() == 1 ? found.get(0) : null));
    }
}
