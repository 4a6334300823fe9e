package io.tradeplex.order.broker.paper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.market.MarketTick;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.order.execution.Execution;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.broker.paper.PaperPricing.Liquidity;
import io.tradeplex.order.broker.BrokerAdapter;
import io.tradeplex.order.market.LatestPrices;
import io.tradeplex.order.risk.RiskCheck;
import io.tradeplex.order.order.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded broker: it fills against live market ticks. A market order fills at the next known price; a limit
 * order rests until the market crosses it. One tick fills at most the symbol's depth of an order; the rest waits for
 * the following ticks (a market order at their prices, a limit order while they still cross it). The resting book
 * lives in memory and is rebuilt from the database's open orders, with what remains of each, at start, so a restart
 * loses nothing.
 * <p>
 * Each paper account trades against its own copy of the market: the depth is offered to every order on every tick,
 * not shared between orders. That keeps a fill a function of the order and the tick alone, which is what lets two
 * instances that both see the same tick for the same order produce the same fill id and the same fill, and the
 * database keep one.
 */
@ApplicationScoped
public class PaperBroker implements BrokerAdapter {
    public static final String NAME = "paper";
    private static final Logger LOG = Logger.getLogger(PaperBroker.class);

    private final OrderLifecycle lifecycle;
    private final LatestPrices prices;
    private final OrderRepository orders;
    private final PaperPricing pricing;
    private final RiskCheck risk;
    private final Map<String, Map<UUID, OpenOrder>> restingBySymbol = new ConcurrentHashMap<>();

    public PaperBroker(OrderLifecycle lifecycle, LatestPrices prices, OrderRepository orders, RiskCheck risk,
                       PaperPricing pricing) {
        this.lifecycle = lifecycle;
        this.risk = risk;
        this.prices = prices;
        this.orders = orders;
        this.pricing = pricing;
    }

    /** The book holds every user's orders, so this is the one read across users (a read-only bypass of the policies). */
    void reloadOpenOrders(@Observes StartupEvent ignored) throws Throwable {
        List<OpenOrder> open = VertxContextSupport.subscribeAndAwait(() ->
                Tenant.systemTransaction("paper broker: rebuild the resting book from every user's open orders",
                                () -> orders.openOrdersAt(NAME))
                        .map(list -> list.stream().map(OpenOrder::of).toList()));
        open.forEach(this::rest);
        LOG.infof("Paper book restored with %d open orders", open.size());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * An order that meets the market on arrival takes liquidity; what the tick's depth cannot fill is routed after the
     * accepting transaction and rests for the next ticks (route finds this tick's fill already recorded).
     */
    @Override
    public Optional<Execution> executionAtOnce(OpenOrder order) {
        return prices.of(order.symbol()).flatMap(tick -> executionFor(order, tick, Liquidity.TAKER));
    }

    @Override
    public Uni<Void> route(OpenOrder order) {
        Optional<Execution> now = prices.of(order.symbol()).flatMap(tick -> executionFor(order, tick, Liquidity.TAKER));
        if (now.isPresent()) {
            return fill(order, now.get());
        }
        rest(order);
        return lifecycle.confirmed(order, null);
    }

    /**
     * The paper broker's state is our own database: an order still open there belongs in the book (with what remains
     * of it now), one no longer open does not. A crash between accepting an order and booking it is healed here too,
     * and the order is then confirmed like one booked at once.
     */
    @Override
    public Uni<Void> reconcile(OpenOrder order) {
        return Tenant.transaction(order.userId(), () -> orders.findOwned(order.userId(), order.orderId()))
                .chain(found -> {
                    if (found == null || !(found.status == OrderStatus.ACCEPTED || found.status == OrderStatus.PARTIALLY_FILLED)) {
                        forget(order.orderId(), order.symbol());
                        return Uni.createFrom().voidItem();
                    }
                    rest(OpenOrder.of(found));
                    return lifecycle.confirmed(order, null);
                });
    }

    /** The paper broker is ours: the order leaves the book once it is cancelled here, so no tick can fill it after. */
    @Override
    public Uni<Void> cancel(OpenOrder order) {
        return lifecycle.cancel(order.userId(), order.orderId(), OrderLifecycle.CANCELLED_BY_USER)
                .invoke(() -> forget(order.orderId(), order.symbol()))
                .replaceWithVoid();
    }

    public void forget(UUID orderId, String symbol) {
        Map<UUID, OpenOrder> book = restingBySymbol.get(symbol);
        if (book != null) {
            book.remove(orderId);
        }
    }

    public Uni<Void> onTick(MarketTick tick) {
        Map<UUID, OpenOrder> book = restingBySymbol.get(tick.symbol());
        if (book == null || book.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(List.copyOf(book.values()))
                .onItem().transformToUniAndConcatenate(order -> executionFor(order, tick, liquidityOfResting(order))
                        // Whoever removes the order from the book owns this fill attempt.
                        .filter(execution -> book.remove(order.orderId()) != null)
                        .map(execution -> risk.haltedBecause(order.userId())
                                .map(reason -> cancelHalted(order, reason))
                                .orElseGet(() -> fill(order, execution)
                                        .onFailure().invoke(failure -> {
                                            LOG.warnf("Paper fill of %s failed, order stays in the book: %s",
                                                    order.orderId(), failure);
                                            rest(order);
                                        })
                                        .onFailure().recoverWithNull()))
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .collect().last()
                .replaceWithVoid();
    }

    /** A halted user's order is cancelled where it would have filled: no trade happens under a kill switch. */
    private Uni<Void> cancelHalted(OpenOrder order, String reason) {
        return lifecycle.cancel(order.userId(), order.orderId(), reason).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.infof("Halted order %s was not cancelled here: %s", order.orderId(), failure))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> fill(OpenOrder order, Execution execution) {
        return lifecycle.applyFill(order.userId(), order.orderId(), execution)
                .chain(applied -> applied ? restRemainder(order, execution.quantity()) : restAsStored(order));
    }

    private Uni<Void> restRemainder(OpenOrder order, BigDecimal filled) {
        BigDecimal remaining = order.remainingQuantity().subtract(filled);
        if (remaining.signum() > 0) {
            rest(new OpenOrder(order.orderId(), order.userId(), order.broker(), order.symbol(), order.side(),
                    order.type(), order.limitPrice(), remaining, order.accountId(), order.clientOrderId()));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The fill was not applied: another instance recorded this tick's fill first, or the order closed meanwhile. The
     * database knows which, and what remains.
     */
    private Uni<Void> restAsStored(OpenOrder order) {
        return Tenant.transaction(order.userId(), () -> orders.findOwned(order.userId(), order.orderId()))
                .invoke(stored -> {
                    if (stored != null && (stored.status == OrderStatus.ACCEPTED
                            || stored.status == OrderStatus.PARTIALLY_FILLED)) {
                        rest(OpenOrder.of(stored));
                    }
                })
                .replaceWithVoid();
    }

    private void rest(OpenOrder order) {
        restingBySymbol.computeIfAbsent(order.symbol(), symbol -> new ConcurrentHashMap<>()).put(order.orderId(), order);
    }

    /** A limit order filled from the book provided the liquidity; a market order's remainder still takes it. */
    private static Liquidity liquidityOfResting(OpenOrder order) {
        return order.type() == OrderType.LIMIT ? Liquidity.MAKER : Liquidity.TAKER;
    }

    private Optional<Execution> executionFor(OpenOrder order, MarketTick tick, Liquidity liquidity) {
        return pricing.executionPrice(order.symbol(), order.side(), order.type(), order.limitPrice(), tick.price())
                .map(price -> {
                    BigDecimal quantity = pricing.fillableQuantity(order.symbol(), order.remainingQuantity(), tick.price());
                    return new Execution(
                            NAME + "-" + order.orderId() + "-" + tick.source() + "-" + tick.sequence(),
                            quantity,
                            price,
                            pricing.fee(order.symbol(), liquidity, quantity, price),
                            pricing.feeCurrency(),
                            tick.time());
                });
    }
}
