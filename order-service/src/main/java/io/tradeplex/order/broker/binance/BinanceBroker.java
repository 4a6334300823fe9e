package io.tradeplex.order.broker.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.order.account.BrokerCredentials;
import io.tradeplex.order.account.CredentialsClient;
import io.tradeplex.order.broker.BrokerAdapter;
import io.tradeplex.order.broker.CancelNotConfirmedException;
import io.tradeplex.order.broker.autodisable.ConsecutiveBrokerErrors;
import io.tradeplex.order.broker.traffic.BrokerCall;
import io.tradeplex.order.broker.traffic.BrokerTrafficException;
import io.tradeplex.order.execution.Execution;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.execution.OrderLifecycle;
import io.tradeplex.order.execution.OrderNotOpenException;
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
 * Binance Spot. An order is sent once, with our client order id as {@code newClientOrderId}; when Binance's answer is
 * lost (no answer, a 5xx, or -1007 "execution status unknown") the order is looked up by that id — never sent again
 * blindly — and whatever Binance executed is applied, each trade once (its trade id is the fill id). Calls go through
 * the broker traffic control with Binance's documented request weights; an order whose call was not sent at all (open
 * breaker, full queue) is refused with that code and can be sent again under a new client order id.
 */
@ApplicationScoped
public class BinanceBroker implements BrokerAdapter {
    public static final String NAME = "binance";
    public static final String BROKER_REJECTED = "BROKER_REJECTED";
    public static final String BROKER_CREDENTIALS = "BROKER_CREDENTIALS_UNAVAILABLE";
    static final int EXECUTION_UNKNOWN = -1007;
    static final int NO_SUCH_ORDER = -2013;
    /** A cancel of an order Binance does not hold open: unknown, or already filled, cancelled or expired. */
    static final int CANCEL_REJECTED = -2011;
    private static final Set<String> ENDED_WITHOUT_FILL = Set.of("CANCELED", "REJECTED", "EXPIRED", "EXPIRED_IN_MATCH");
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

    public BinanceBroker(BinanceHttp http, BinanceConfig config, CredentialsClient credentials, OrderLifecycle lifecycle,
                         ConsecutiveBrokerErrors errors) {
        this.http = http;
        this.config = config;
        this.credentials = credentials;
        this.lifecycle = lifecycle;
        this.errors = errors;
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
                .chain(keys -> keys == null ? Uni.createFrom().voidItem() : place(order, keys));
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
                        case "FILLED" -> tradesApplied(order, keys, found.body()).chain(read -> read
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
                ? Uni.createFrom().item(true) : tradesApplied(order, keys, ended);
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
                        return applyPlaced(order, answer.body());
                    }
                    if (answer.status() == 0 || answer.status() >= 500 || answer.code() == EXECUTION_UNKNOWN) {
                        LOG.warnf("Binance's answer to order %s was lost (HTTP %d, code %d): looking it up", order.orderId(),
                                answer.status(), answer.code());
                        return reconcile(order, keys, signedBefore, 1);
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
     * Finds out what became of an order whose answer was lost. "No such order" is believed only once the request's
     * recvWindow has passed: Binance refuses a request that arrives later than that, so it can no longer execute.
     */
    private Uni<Void> reconcile(OpenOrder order, BrokerCredentials keys, long sentAt, int attempt) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("symbol", symbolOf(order.symbol()));
        parameters.put("origClientOrderId", clientOrderIdOf(order));
        BrokerCall call = BrokerCall.query(NAME, order.userId(), order.accountId(), QUERY_ORDER_WEIGHT);
        // A lookup that could not even be sent (open breaker, long queue) is no answer: try again later.
        return http.send(call, HttpMethod.GET, "/api/v3/order", parameters, keys)
                .onFailure(BrokerTrafficException.class).recoverWithItem(refusal -> http.noAnswer())
                .chain(answer -> {
                    if (answer.status() == 200) {
                        errors.answered(order.userId());
                        return applyTrades(order, keys, answer.body());
                    }
                    boolean windowOver = System.currentTimeMillis() > sentAt + config.recvWindow() + 1000;
                    if (answer.code() == NO_SUCH_ORDER && windowOver) {
                        return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED,
                                        "The order did not reach Binance; nothing was executed. Send it again with a new clientOrderId"))
                                .chain(() -> errors.failed(order.userId(), NAME, "the order was lost on its way"));
                    }
                    if (attempt >= QUERY_ATTEMPTS && windowOver) {
                        LOG.errorf("Order %s is in an uncertain state at Binance after %d lookups; reconciliation continues",
                                order.orderId(), attempt);
                        return errors.failed(order.userId(), NAME, "no answer to the order or its lookups");
                    }
                    Duration wait = answer.code() == NO_SUCH_ORDER
                            ? Duration.ofMillis(Math.max(100, sentAt + config.recvWindow() + 1000 - System.currentTimeMillis()))
                            : Duration.ofMillis(200L * attempt);
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                            .chain(() -> reconcile(order, keys, sentAt, attempt + 1));
                });
    }

    private Uni<Void> applyTrades(OpenOrder order, BrokerCredentials keys, JsonNode found) {
        if (new BigDecimal(found.path("executedQty").asText("0")).signum() == 0) {
            return endedWithoutFill(order, found.path("status").asText());
        }
        return tradesApplied(order, keys, found).replaceWithVoid();
    }

    /**
     * An order's trades by their ids, so a trade already applied from the placement answer is not applied twice.
     *
     * @return whether the trades could be read
     */
    private Uni<Boolean> tradesApplied(OpenOrder order, BrokerCredentials keys, JsonNode found) {
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

    private Uni<Void> endedWithoutFill(OpenOrder order, String status) {
        return ENDED_WITHOUT_FILL.contains(status)
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
