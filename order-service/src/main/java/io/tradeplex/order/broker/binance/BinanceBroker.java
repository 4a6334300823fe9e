package io.tradeplex.order.broker.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.order.account.BrokerCredentials;
import io.tradeplex.order.account.CredentialsClient;
import io.tradeplex.order.broker.BrokerAdapter;
import io.tradeplex.order.broker.Pause;
import io.tradeplex.order.broker.CancelNotConfirmedException;
import io.tradeplex.order.broker.autodisable.ConsecutiveBrokerErrors;
import io.tradeplex.order.broker.traffic.BrokerCall;
import io.tradeplex.order.broker.traffic.BrokerTrafficException;
import io.tradeplex.order.broker.traffic.TrafficConfig;
import io.tradeplex.order.execution.Execution;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.execution.OrderNotOpenException;
import io.tradeplex.order.execution.RoutingState;
import io.tradeplex.order.order.Routing;
import io.tradeplex.order.execution.Rejection;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Binance Spot. An order is sent once, with our client order id as {@code newClientOrderId}, after it was durably
 * marked as sending; when Binance's answer is lost (no answer, a 5xx, or -1007 "execution status unknown") the order
 * becomes UNKNOWN and is looked up by that id — never sent again blindly — and whatever Binance executed is applied,
 * each trade once (its trade id is the fill id). Reconciliation looks up the same way, later: orders still uncertain,
 * and orders resting at Binance, which may fill or be cancelled there. Calls go through the broker traffic control
 * with Binance's documented request weights; an order whose call was not sent at all (open breaker, full queue) is
 * refused with that code and can be sent again under a new client order id.
 */
@ApplicationScoped
public class BinanceBroker implements BrokerAdapter {
    public static final String NAME = "binance";
    public static final String BROKER_REJECTED = "BROKER_REJECTED";
    public static final String BROKER_CREDENTIALS = "BROKER_CREDENTIALS_UNAVAILABLE";
    static final int EXECUTION_UNKNOWN = -1007;
    static final int NO_SUCH_ORDER = -2013;
    private static final Set<String> ENDED = Set.of("CANCELED", "REJECTED", "EXPIRED", "EXPIRED_IN_MATCH");
    /** A cancel of an order Binance does not hold open: unknown, or already filled, cancelled or expired. */
    static final int CANCEL_REJECTED = -2011;
    private static final int QUERY_ATTEMPTS = 5;
    // Request weights from Binance's Spot API reference.
    private static final int PLACE_WEIGHT = 1;
    private static final int CANCEL_WEIGHT = 1;
    private static final int QUERY_ORDER_WEIGHT = 4;
    private static final int TRADES_OF_ORDER_WEIGHT = 5;
    private static final Logger LOG = Logger.getLogger(BinanceBroker.class);

    private final BinanceHttp http;
    private final BinanceConfig config;
    private final CredentialsClient credentials;
    private final OrderLifecycle lifecycle;
    private final ConsecutiveBrokerErrors errors;
    private final TrafficConfig traffic;

    public BinanceBroker(BinanceHttp http, BinanceConfig config, CredentialsClient credentials, OrderLifecycle lifecycle,
                         ConsecutiveBrokerErrors errors, TrafficConfig traffic) {
        this.http = http;
        this.config = config;
        this.credentials = credentials;
        this.lifecycle = lifecycle;
        this.errors = errors;
        this.traffic = traffic;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> route(OpenOrder order) {
        return credentials.credentials(order.userId(), order.accountId())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("No keys for order %s: %s", order.orderId(), failure.toString());
                    String reason = failure instanceof ApiException api ? api.getMessage()
                            : "The account's keys could not be read; nothing was sent to Binance";
                    return lifecycle.brokerRejected(order, new Rejection(BROKER_CREDENTIALS, reason)).replaceWith((BrokerCredentials) null);
                })
                .chain(keys -> keys == null ? Uni.createFrom().voidItem()
                        // Someone else already sent it (or it closed meanwhile): find out what became of it instead.
                        : lifecycle.markSending(order).chain(mine -> mine ? place(order, keys) : reconcile(order)));
    }

    /**
     * An order never marked as sending has never left, so it is sent now (still only once: see
     * {@link OrderLifecycle#markSending}); any other is looked up by its client order id, once per call — the caller
     * comes back later if Binance cannot tell yet.
     */
    @Override
    public Uni<Void> reconcile(OpenOrder order) {
        return lifecycle.routingOf(order).chain(state -> {
            if (state == null || !state.isOpen()) {
                return Uni.createFrom().voidItem();
            }
            if (state.routing() == Routing.NOT_SENT) {
                LOG.infof("Order %s was accepted but never sent to Binance: sending it now", order.orderId());
                return route(order);
            }
            return credentials.credentials(order.userId(), order.accountId())
                    .onFailure().recoverWithItem(failure -> {
                        LOG.warnf("Order %s cannot be looked up at Binance now (no keys: %s)", order.orderId(), failure.toString());
                        return null;
                    })
                    .chain(keys -> keys == null ? Uni.createFrom().voidItem() : lookUp(order, keys, state));
        });
    }

    /**
     * {@code DELETE /api/v3/order} by our client order id. Binance answers with the cancelled order, whose executed part
     * is applied before it is cancelled here. A cancel it rejects (-2011: unknown, or no longer open) is followed by a
     * lookup, and what Binance did instead — filled, cancelled or expired there — is applied.
     */
    @Override
    public Uni<Void> cancel(OpenOrder order) {
        return credentials.credentials(order.userId(), order.accountId())
                .onFailure().transform(failure -> CancelNotConfirmedException.unavailable(
                        "The account's keys could not be read; nothing was sent to Binance"))
                .chain(keys -> {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    parameters.put("symbol", symbolOf(order.symbol()));
                    parameters.put("origClientOrderId", clientOrderIdOf(order));
                    BrokerCall call = BrokerCall.order(NAME, order.userId(), order.accountId(), CANCEL_WEIGHT);
                    return http.send(call, HttpMethod.DELETE, "/api/v3/order", parameters, keys)
                            .onFailure(BrokerTrafficException.class).transform(refusal ->
                                    CancelNotConfirmedException.unavailable(refusal.getMessage()))
                            .chain(answer -> {
                                if (answer.status() == 200) {
                                    return endAsCancelled(order, keys, answer.body());
                                }
                                if (answer.code() == CANCEL_REJECTED) {
                                    return afterRejectedCancel(order, keys, answer);
                                }
                                return Uni.createFrom().failure(cancelNotConfirmed(answer));
                            });
                });
    }

    private Uni<Void> afterRejectedCancel(OpenOrder order, BrokerCredentials keys, BinanceHttp.Answer rejected) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbolOf(order.symbol()));
        parameters.put("origClientOrderId", clientOrderIdOf(order));
        BrokerCall call = BrokerCall.query(NAME, order.userId(), order.accountId(), QUERY_ORDER_WEIGHT);
        return http.send(call, HttpMethod.GET, "/api/v3/order", parameters, keys)
                .onFailure(BrokerTrafficException.class).recoverWithItem(refusal -> http.noAnswer())
                .chain(found -> {
                    if (found.status() != 200) {
                        return Uni.createFrom().failure(found.code() == NO_SUCH_ORDER
                                ? CancelNotConfirmedException.refused("Binance does not know the order (yet)")
                                : cancelNotConfirmed(found));
                    }
                    String status = found.body().path("status").asText();
                    return switch (status) {
                        case "FILLED" -> applyTrades(order, keys, found.body()).chain(read -> read
                                ? Uni.createFrom().voidItem() : Uni.createFrom().failure(tradesUnreadable(status)));
                        case "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH" -> endAsCancelled(order, keys, found.body());
                        case "REJECTED" -> endedWithoutFill(order, status);
                        default -> Uni.createFrom().failure(CancelNotConfirmedException.refused(
                                "Binance refused the cancel of an order it holds as " + status + ": " + rejected.message()));
                    };
                });
    }

    /** Binance ended the order: what it executed first is applied, then the order is cancelled here with those fills. */
    private Uni<Void> endAsCancelled(OpenOrder order, BrokerCredentials keys, JsonNode ended) {
        Uni<Boolean> fillsRead = new BigDecimal(ended.path("executedQty").asText("0")).signum() == 0
                ? Uni.createFrom().item(true) : applyTrades(order, keys, ended);
        return fillsRead.chain(read -> read
                ? lifecycle.cancel(order.userId(), order.orderId(), OrderLifecycle.CANCELLED_BY_USER)
                        .onFailure(OrderNotOpenException.class).recoverWithNull().replaceWithVoid()
                : Uni.createFrom().failure(tradesUnreadable(ended.path("status").asText())));
    }

    private static CancelNotConfirmedException tradesUnreadable(String status) {
        return CancelNotConfirmedException.unavailable("Binance ended the order as " + status
                + " but its trades could not be read");
    }

    private static CancelNotConfirmedException cancelNotConfirmed(BinanceHttp.Answer answer) {
        return answer.status() == 0 || answer.status() >= 500
                ? CancelNotConfirmedException.unavailable("Binance did not answer the cancel (HTTP " + answer.status() + ")")
                : CancelNotConfirmedException.refused("Binance refused the cancel: " + answer.message()
                + " (code " + answer.code() + ")");
    }

    private Uni<Void> place(OpenOrder order, BrokerCredentials keys) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbolOf(order.symbol()));
        parameters.put("side", order.side().name());
        parameters.put("type", order.type().name());
        if (order.type() == OrderType.LIMIT) {
            parameters.put("timeInForce", "GTC");
        }
        parameters.put("quantity", order.remainingQuantity().stripTrailingZeros().toPlainString());
        if (order.type() == OrderType.LIMIT) {
            parameters.put("price", order.limitPrice().stripTrailingZeros().toPlainString());
        }
        parameters.put("newClientOrderId", clientOrderIdOf(order));
        parameters.put("newOrderRespType", "FULL");
        BrokerCall call = BrokerCall.order(NAME, order.userId(), order.accountId(), PLACE_WEIGHT);
        return http.send(call, HttpMethod.POST, "/api/v3/order", parameters, keys)
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    if (failure instanceof BrokerTrafficException refusal) {
                        return notSent(order, refusal);
                    }
                    if (failure != null) {
                        return Uni.createFrom().failure(failure);
                    }
                    // The request was signed before its answer came: from now on its recvWindow is certainly running.
                    long signedBefore = System.currentTimeMillis();
                    if (answer.status() == 200) {
                        errors.answered(order.userId());
                        return lifecycle.confirmed(order, answer.body().path("orderId").asText(null))
                                .chain(() -> applyPlaced(order, answer.body()));
                    }
                    if (answer.status() == 0 || answer.status() >= 500 || answer.code() == EXECUTION_UNKNOWN) {
                        LOG.warnf("Binance's answer to order %s was lost (HTTP %d, code %d): looking it up", order.orderId(),
                                answer.status(), answer.code());
                        return lifecycle.markUnknown(order).chain(() -> lookUpLostAnswer(order, keys, signedBefore, 1));
                    }
                    LOG.infof("Binance refused order %s: HTTP %d, code %d", order.orderId(), answer.status(), answer.code());
                    return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED,
                            "Binance refused the order: " + answer.message() + " (code " + answer.code() + ")"));
                });
    }

    /** Nothing reached Binance: the order is refused with the traffic control's code, and may be sent again. */
    private Uni<Void> notSent(OpenOrder order, BrokerTrafficException refusal) {
        LOG.infof("Order %s not sent to Binance: %s", order.orderId(), refusal.code());
        return lifecycle.brokerRejected(order, refusal.rejection())
                .chain(() -> refusal.brokerFault()
                        ? errors.failed(order.userId(), NAME, refusal.code())
                        : Uni.createFrom().voidItem());
    }

    /** The FULL answer to a placement lists the trades that executed at once. */
    private Uni<Void> applyPlaced(OpenOrder order, JsonNode placed) {
        long transactTime = placed.path("transactTime").asLong(System.currentTimeMillis());
        return Multi.createFrom().iterable(placed.path("fills"))
                .onItem().transformToUniAndConcatenate(fill -> lifecycle.applyFill(order.userId(), order.orderId(),
                        execution(placed.path("symbol").asText(), fill.path("tradeId").asLong(), fill, transactTime)))
                .collect().asList()
                .chain(() -> endedWithoutFill(order, placed.path("status").asText()));
    }

    /**
     * Finds out at once what became of an order whose answer was lost. "No such order" is believed only once the
     * request's recvWindow has passed: Binance refuses a request that arrives later than that, so it can no longer
     * execute. If Binance cannot tell within a few tries the order stays UNKNOWN, and reconciliation carries on.
     */
    private Uni<Void> lookUpLostAnswer(OpenOrder order, BrokerCredentials keys, long sentAt, int attempt) {
        return query(order, keys).chain(answer -> {
            if (answer.status() == 200) {
                errors.answered(order.userId());
                return found(order, keys, answer.body(), null);
            }
            boolean windowOver = System.currentTimeMillis() > sentAt + config.recvWindow() + 1000;
            if (answer.code() == NO_SUCH_ORDER && windowOver) {
                return neverArrived(order).chain(() -> errors.failed(order.userId(), NAME, "the order was lost on its way"));
            }
            if (attempt >= QUERY_ATTEMPTS && answer.code() != NO_SUCH_ORDER) {
                LOG.errorf("Order %s is in an uncertain state at Binance after %d lookups; reconciliation continues",
                        order.orderId(), attempt);
                return errors.failed(order.userId(), NAME, "no answer to the order or its lookups");
            }
            Duration wait = answer.code() == NO_SUCH_ORDER
                    ? Duration.ofMillis(Math.max(100, sentAt + config.recvWindow() + 1000 - System.currentTimeMillis()))
                    : Duration.ofMillis(200L * attempt);
            return Pause.of(wait).chain(() -> lookUpLostAnswer(order, keys, sentAt, attempt + 1));
        });
    }

    /** One lookup for reconciliation: an uncertain order, or one resting at Binance that may have filled or ended. */
    private Uni<Void> lookUp(OpenOrder order, BrokerCredentials keys, RoutingState state) {
        return query(order, keys).chain(answer -> {
            if (answer.status() == 200) {
                errors.answered(order.userId());
                return found(order, keys, answer.body(), state);
            }
            if (answer.code() == NO_SUCH_ORDER && state.routing() != Routing.CONFIRMED) {
                return lastSigningBy(state).plusMillis(config.recvWindow() + 1000).isBefore(Instant.now())
                        ? neverArrived(order) : Uni.createFrom().voidItem();
            }
            LOG.infof("Binance could not tell what became of order %s (HTTP %d, code %d); it is looked up again later",
                    order.orderId(), answer.status(), answer.code());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * The latest the placement can have been signed: an UNKNOWN order's answer came back (so it was signed) before it
     * was marked; a SENDING one may have waited in the traffic control's queue for up to its longest wait first. An
     * order without the time (from before it was recorded) was sent long ago.
     */
    private Instant lastSigningBy(RoutingState state) {
        if (state.routedAt() == null) {
            return Instant.EPOCH;
        }
        return state.routing() == Routing.SENDING ? state.routedAt().plus(traffic.maxWait()) : state.routedAt();
    }

    /** A lookup that could not even be sent (open breaker, long queue) is no answer: tried again later. */
    private Uni<BinanceHttp.Answer> query(OpenOrder order, BrokerCredentials keys) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbolOf(order.symbol()));
        parameters.put("origClientOrderId", clientOrderIdOf(order));
        BrokerCall call = BrokerCall.query(NAME, order.userId(), order.accountId(), QUERY_ORDER_WEIGHT);
        return http.send(call, HttpMethod.GET, "/api/v3/order", parameters, keys)
                .onFailure(BrokerTrafficException.class).recoverWithItem(refusal -> http.noAnswer());
    }

    /**
     * Brings the order in line with what Binance holds: confirmed with Binance's id, then every trade we lack applied
     * (read only when Binance executed more than we recorded), then ended if Binance ended it — after the trades, so
     * a partly filled order keeps its fills, and not at all when the trades could not be read.
     *
     * @param known what we knew of the order before, if read: one Binance had confirmed and then cancels or expires is
     *              CANCELLED here
     */
    private Uni<Void> found(OpenOrder order, BrokerCredentials keys, JsonNode found, RoutingState known) {
        BigDecimal executed = new BigDecimal(found.path("executedQty").asText("0"));
        BigDecimal filledHere = new BigDecimal(found.path("origQty").asText("0")).subtract(order.remainingQuantity());
        String binanceId = found.path("orderId").asText(null);
        boolean resting = known != null && known.routing() == Routing.CONFIRMED;
        Uni<Void> confirmed = resting && binanceId != null && binanceId.equals(known.brokerOrderId())
                ? Uni.createFrom().voidItem() : lifecycle.confirmed(order, binanceId);
        return confirmed
                .chain(() -> executed.compareTo(filledHere) > 0 ? applyTrades(order, keys, found) : Uni.createFrom().item(true))
                .chain(complete -> complete ? ended(order, found.path("status").asText(), resting || executed.signum() > 0)
                        : Uni.createFrom().voidItem());
    }

    /** An order's trades by their ids, so a trade already applied is not applied twice. */
    private Uni<Boolean> applyTrades(OpenOrder order, BrokerCredentials keys, JsonNode found) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", found.path("symbol").asText());
        parameters.put("orderId", found.path("orderId").asText());
        BrokerCall call = BrokerCall.query(NAME, order.userId(), order.accountId(), TRADES_OF_ORDER_WEIGHT);
        return http.send(call, HttpMethod.GET, "/api/v3/myTrades", parameters, keys)
                .onFailure(BrokerTrafficException.class).recoverWithItem(refusal -> http.noAnswer())
                .chain(trades -> {
            if (trades.status() != 200) {
                LOG.warnf("Trades of order %s could not be read (HTTP %d); reconciliation continues", order.orderId(),
                        trades.status());
                return Uni.createFrom().item(false);
            }
            return Multi.createFrom().iterable(trades.body())
                    .onItem().transformToUniAndConcatenate(trade -> lifecycle.applyFill(order.userId(), order.orderId(),
                            execution(trade.path("symbol").asText(), trade.path("id").asLong(), trade,
                                    trade.path("time").asLong())))
                    .collect().asList().replaceWith(true);
        });
    }

    /** @param worked whether the order rested or traded at Binance before it ended: then it was cancelled, not refused */
    private Uni<Void> ended(OpenOrder order, String status, boolean worked) {
        if (!ENDED.contains(status)) {
            return Uni.createFrom().voidItem();
        }
        if (!worked || "REJECTED".equals(status)) {
            return endedWithoutFill(order, status);
        }
        LOG.infof("Binance ended order %s as %s: cancelling it here", order.orderId(), status);
        return lifecycle.cancel(order.userId(), order.orderId(), "Binance ended the order as " + status)
                .onFailure(OrderNotOpenException.class).recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> neverArrived(OpenOrder order) {
        return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED,
                "The order did not reach Binance; nothing was executed. Send it again with a new clientOrderId"));
    }

    private Uni<Void> endedWithoutFill(OpenOrder order, String status) {
        return ENDED.contains(status)
                ? lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED, "Binance ended the order as " + status))
                : Uni.createFrom().voidItem();
    }

    private static Execution execution(String symbol, long tradeId, JsonNode fill, long time) {
        return new Execution(NAME + "-" + symbol + "-" + tradeId, new BigDecimal(fill.path("qty").asText()),
                new BigDecimal(fill.path("price").asText()), new BigDecimal(fill.path("commission").asText("0")),
                fill.path("commissionAsset").asText("USDT"), Instant.ofEpochMilli(time));
    }

    /** {@code BTC-USD} trades as {@code BTCUSDT}; other pairs as their two legs joined ({@code ETH-BTC} → {@code ETHBTC}). */
    String symbolOf(String symbol) {
        int dash = symbol.indexOf('-');
        if (dash < 0) {
            return symbol;
        }
        String quote = symbol.substring(dash + 1);
        return symbol.substring(0, dash) + ("USD".equals(quote) ? config.usdQuoteAsset() : quote);
    }

    /** Ours when Binance accepts it as is ({@code [a-zA-Z0-9-_]{1,36}}), else the order id, which always fits. */
    static String clientOrderIdOf(OpenOrder order) {
        return order.clientOrderId().matches("[a-zA-Z0-9-_]{1,36}") ? order.clientOrderId() : order.orderId().toString();
    }
}
