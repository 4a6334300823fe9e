package io.tradeplex.order.risk;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.Side;
import io.tradeplex.order.order.OrderEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * Moves an order's quantities in the user's exposure as the order changes, inside the transaction that changes it, so
 * the two never disagree. An order counts as open from the moment it is recorded (PENDING) until it ends.
 */
@ApplicationScoped
public class ExposureLedger {
    private static final String OPEN = """
            insert into exposures as e (user_id, account_id, symbol, position, open_buy, open_sell)
            values (:userId, :accountId, :symbol, :position, :openBuy, :openSell)
            on conflict (user_id, account_id, symbol) do update
               set open_buy = e.open_buy + excluded.open_buy,
                   open_sell = e.open_sell + excluded.open_sell
            """;
    // A separate statement, not the upsert: PostgreSQL checks the proposed row's constraints before it finds the
    // conflict, and a decrement's proposed row is negative.
    private static final String MOVE = """
            update exposures
               set position = position + :position, open_buy = open_buy + :openBuy, open_sell = open_sell + :openSell
             where user_id = :userId and account_id = :accountId and symbol = :symbol
            """;

    /** A new order: all of it may still fill. */
    public Uni<Void> opened(OrderEntity order) {
        return execute(OPEN, order, BigDecimal.ZERO, order.quantity);
    }

    /** Part of an order filled: it moves from open to held. */
    public Uni<Void> filled(OrderEntity order, BigDecimal quantity) {
        return execute(MOVE, order, order.side == Side.BUY ? quantity : quantity.negate(), quantity.negate());
    }

    /** An order ended (rejected, cancelled) with {@code unfilled} still open: that part can no longer fill. */
    public Uni<Void> ended(OrderEntity order, BigDecimal unfilled) {
        return unfilled.signum() == 0 ? Uni.createFrom().voidItem() : execute(MOVE, order, BigDecimal.ZERO, unfilled.negate());
    }

    private Uni<Void> execute(String statement, OrderEntity order, BigDecimal position, BigDecimal open) {
        boolean buy = order.side == Side.BUY;
        return Panache.getSession().chain(session -> session.createNativeQuery(statement)
                        .setParameter("userId", order.userId)
                        .setParameter("accountId", order.accountId)
                        .setParameter("symbol", order.symbol)
                        .setParameter("position", position)
                        .setParameter("openBuy", buy ? open : BigDecimal.ZERO)
                        .setParameter("openSell", buy ? BigDecimal.ZERO : open)
                        .executeUpdate())
                .invoke(rows -> {
                    if (rows != 1) {
                        throw new IllegalStateException("Order " + order.id + " has no exposure row to move");
                    }
                })
                .replaceWithVoid();
    }
}
