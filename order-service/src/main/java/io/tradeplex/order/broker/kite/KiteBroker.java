package io.tradeplex.order.broker.kite;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
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
import io.tradeplex.order.order.OrderRepository;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Zerodha Kite Connect v3, REGULAR orders with DAY validity. An order is sent once, tagged with {@link KiteTag} (Kite
 * has no client order id); when the answer is lost (no answer, a 5xx) the order is looked for by that tag in the
 * day's orderbook — never sent again. Fills are Kite's trades of the order ({@code GET /orders/{id}/trades}), each
 * applied once under the fill id {@code kite-<order_id>-<trade_id>}, whichever path reads them first: the placement,
 * a postback, or reconciliation. An expired session (403 TokenException) refuses the order, marks the account
 * login-required and stops: nothing is retried. Calls go through the broker traffic control (Kite's per-account
 * limits, the account's breaker and egress); an order whose placement was not sent at all is refused with its code.
 */
@ApplicationScoped
public class KiteBroker implements BrokerAdapter {
    public static final String NAME = "kite";
    public static final String BROKER_REJECTED = "BROKER_REJECTED";
    public static final String BROKER_LOGIN_REQUIRED = "BROKER_LOGIN_REQUIRED";
    public static final String BROKER_CREDENTIALS = "BROKER_CREDENTIALS_UNAVAILABLE";
    public static final String SYMBOL_NOT_TRADABLE = "SYMBOL_NOT_TRADABLE";
    /** Kite's final statuses; every other one (OPEN, TRIGGER PENDING, the *PENDING and *RECEIVED ones) is still working. */
    static final Set<String> ENDED = Set.of("COMPLETE", "CANCELLED", "REJECTED");
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Logger LOG = Logger.getLogger(KiteBroker.class);

    private final KiteHttp http;
    private final KiteConfig config;
    private final CredentialsClient credentials;
    private final KiteSessions sessions;
    private final OrderLifecycle lifecycle;
    private final OrderRepository orders;
    private final ConsecutiveBrokerErrors errors;
    private final Vertx vertx;

    public KiteBroker(KiteHttp http, KiteConfig config, CredentialsClient credentials, KiteSessions sessions,
                      OrderLifecycle lifecycle, OrderRepository orders, ConsecutiveBrokerErrors errors, Vertx vertx) {
        this.vertx = vertx;
        this.errors = errors;
        this.http = http;
        this.config = config;
        this.credentials = credentials;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.orders = orders;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> route(OpenOrder order) {
        KiteInstrument instrument = KiteInstrument.of(order.symbol(), config.defaultExchange());
        if (instrument == null) {
            return lifecycle.brokerRejected(order, new Rejection(SYMBOL_NOT_TRADABLE, order.symbol()
                    + " names no Kite exchange: use TRADINGSYMBOL-EXCHANGE (INFY-NSE) or TRADINGSYMBOL-INR"));
        }
        BigDecimal quantity = order.remainingQuantity().stripTrailingZeros();
        if (quantity.scale() > 0) {
            return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED,
                    "Kite trades whole units: " + quantity.toPlainString() + " is not one"));
        }
        return keysFor(order).chain(keys -> {
            if (keys == null) {
                return Uni.createFrom().voidItem();
            }
            if (sessions.refusedBefore(keys)) {
                return loginRequired(order);
            }
            // Written before the request leaves; someone else already sending it (or the order closed) means: find out.
            return lifecycle.markSending(order)
                    .chain(mine -> mine ? place(order, instrument, quantity, keys) : reconcile(order));
        });
    }

    /**
     * Asks Kite what became of the order (by its tag), applies the fills found once each, and ends the order if Kite
     * ended it. When Kite cannot answer, or its answer proves nothing, the order is left as it is.
     */
    @Override
    public Uni<Void> reconcile(OpenOrder order) {
        return VertxContexts.onDuplicatedContext(vertx, () -> credentials.credentials(order.userId(), order.accountId())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Order %s cannot be reconciled now, the account's keys are unavailable: %s",
                            order.orderId(), failure.toString());
                    return null;
                })
                .chain(keys -> keys == null || sessions.refusedBefore(keys) ? Uni.createFrom().voidItem()
                        : http.get(query(order), "/orders", keys).chain(book -> {
                            if (book.sessionExpired()) {
                                return sessions.expired(order.userId(), keys, "Kite refused the session while reconciling");
                            }
                            if (!book.ok()) {
                                LOG.warnf("Kite's orderbook is unavailable (HTTP %d %s); order %s stays as it is",
                                        book.status(), book.errorType(), order.orderId());
                                return Uni.createFrom().voidItem();
                            }
                            return tagged(book.data(), KiteTag.of(order.orderId()))
                                    .map(found -> settle(order, keys, found))
                                    .orElseGet(() -> refuseIfNeverPlaced(order));
                        })));
    }

    /**
     * A verified postback: the order is read back from Kite rather than trusted from the payload (the checksum covers
     * only the order id and time), and must carry our tag.
     */
    Uni<Void> postback(OpenOrder order, BrokerCredentials keys, String kiteOrderId) {
        return http.get(query(order), "/orders/" + kiteOrderId, keys).chain(history -> {
            if (history.sessionExpired()) {
                return sessions.expired(order.userId(), keys, "Kite refused the session while reading a postback's order");
            }
            JsonNode latest = latest(history.data());
            if (!history.ok() || latest == null) {
                LOG.warnf("Kite order %s of postback for order %s could not be read (HTTP %d); reconciliation follows",
                        kiteOrderId, order.orderId(), history.status());
                return Uni.createFrom().voidItem();
            }
            if (!KiteTag.of(order.orderId()).equals(latest.path("tag").asText())) {
                LOG.warnf("Kite order %s does not carry the tag of order %s; postback ignored", kiteOrderId, order.orderId());
                return Uni.createFrom().voidItem();
            }
            return settle(order, keys, latest);
        });
    }

    /**
     * We keep none of Kite's order ids, so the order is first found by its tag in the day's orderbook. One Kite already
     * ended is settled as reconciliation would; a working one is cancelled ({@code DELETE /orders/regular/{id}}) and
     * read back, a few times, until Kite reports what became of it. Kite answers a cancel of an order it is still
     * processing (or has just executed) with an error, so its history decides, not the cancel's answer.
     */
    @Override
    public Uni<Void> cancel(OpenOrder order) {
        return credentials.credentials(order.userId(), order.accountId())
                .onFailure().transform(failure -> failure instanceof ApiException api
                        && CredentialsClient.KITE_LOGIN_REQUIRED.equals(api.code()) ? loginRequiredToCancel()
                        : CancelNotConfirmedException.unavailable("The account's keys could not be read; nothing was sent to Kite"))
                .chain(keys -> sessions.refusedBefore(keys) ? Uni.createFrom().failure(loginRequiredToCancel())
                        : http.get(query(order), "/orders", keys).chain(book -> {
                            if (book.sessionExpired()) {
                                return sessionEndedWhileCancelling(order, keys);
                            }
                            if (!book.ok()) {
                                return Uni.createFrom().failure(CancelNotConfirmedException.unavailable(
                                        "Kite's orderbook could not be read (HTTP " + book.status() + "); nothing was cancelled"));
                            }
                            Optional<JsonNode> found = tagged(book.data(), KiteTag.of(order.orderId()));
                            if (found.isEmpty()) {
                                return refuseIfNeverPlaced(order).chain(() -> failIfStillOpen(order,
                                        CancelNotConfirmedException.refused("Kite does not list the order (yet)")));
                            }
                            if (ENDED.contains(found.get().path("status").asText())) {
                                return settledOrUnavailable(order, keys, found.get());
                            }
                            return cancelAtKite(order, keys, found.get().path("order_id").asText());
                        }));
    }

    private Uni<Void> cancelAtKite(OpenOrder order, BrokerCredentials keys, String kiteOrderId) {
        return http.delete(orderCall(order), "/orders/regular/" + kiteOrderId, keys)
                .onFailure(BrokerTrafficException.class).transform(refusal -> CancelNotConfirmedException.unavailable(
                        refusal.getMessage()))
                .chain(answer -> {
                    if (answer.sessionExpired()) {
                        return sessionEndedWhileCancelling(order, keys);
                    }
                    if (answer.unknownOutcome()) {
                        LOG.warnf("Kite's answer to the cancel of order %s was lost (HTTP %d); postbacks and"
                                + " reconciliation will tell", order.orderId(), answer.status());
                        return Uni.createFrom().failure(CancelNotConfirmedException.unavailable(
                                "Kite did not answer the cancel (HTTP " + answer.status() + ")"));
                    }
                    return readBackCancel(order, keys, kiteOrderId, answer, 1);
                });
    }

    /** Settles the order once Kite ended it; a cancel Kite took but has not carried out yet is left to its postback. */
    private Uni<Void> readBackCancel(OpenOrder order, BrokerCredentials keys, String kiteOrderId, KiteHttp.Answer cancel,
                                     int attempt) {
        return http.get(query(order), "/orders/" + kiteOrderId, keys).chain(history -> {
            JsonNode latest = latest(history.data());
            if (history.ok() && latest != null && ENDED.contains(latest.path("status").asText())) {
                return settledOrUnavailable(order, keys, latest);
            }
            if (!cancel.ok()) {
                return Uni.createFrom().failure(CancelNotConfirmedException.refused("Kite refused the cancel: "
                        + cancel.message() + " (" + cancel.status() + " " + cancel.errorType() + ")"));
            }
            if (attempt < config.followAttempts()) {
                return VertxContexts.pause(config.followInterval())
                        .chain(() -> readBackCancel(order, keys, kiteOrderId, cancel, attempt + 1));
            }
            LOG.infof("Kite took the cancel of order %s (Kite order %s) but has not carried it out yet", order.orderId(),
                    kiteOrderId);
            return Uni.createFrom().voidItem();
        });
    }

    /** Kite ended the order: settled here, unless its trades could not be read (the order then stays open). */
    private Uni<Void> settledOrUnavailable(OpenOrder order, BrokerCredentials keys, JsonNode ended) {
        return settle(order, keys, ended).chain(() -> failIfStillOpen(order, CancelNotConfirmedException.unavailable(
                "Kite ended the order as " + ended.path("status").asText() + " but its trades could not be read")));
    }

    private Uni<Void> sessionEndedWhileCancelling(OpenOrder order, BrokerCredentials keys) {
        return sessions.expired(order.userId(), keys, "Kite refused the session when an order was cancelled")
                .chain(() -> Uni.createFrom().failure(loginRequiredToCancel()));
    }

    private static CancelNotConfirmedException loginRequiredToCancel() {
        return new CancelNotConfirmedException(CancelNotConfirmedException.BROKER_LOGIN_REQUIRED, "The Kite session of"
                + " this account has expired, so the order could not be cancelled at Kite. Log in to Kite again, then"
                + " cancel it again");
    }

    private Uni<Void> failIfStillOpen(OpenOrder order, CancelNotConfirmedException failure) {
        return Tenant.transaction(order.userId(), () -> orders.findOwned(order.userId(), order.orderId()))
                .chain(stored -> stored != null && stored.status.isOpen()
                        ? Uni.createFrom().failure(failure) : Uni.createFrom().voidItem());
    }

    private Uni<BrokerCredentials> keysFor(OpenOrder order) {
        return credentials.credentials(order.userId(), order.accountId())
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof ApiException api && CredentialsClient.KITE_LOGIN_REQUIRED.equals(api.code())) {
                        return loginRequired(order).replaceWith((BrokerCredentials) null);
                    }
                    LOG.warnf("No keys for order %s: %s", order.orderId(), failure.toString());
                    String reason = failure instanceof ApiException api ? api.getMessage()
                            : "The account's keys could not be read; nothing was sent to Kite";
                    return lifecycle.brokerRejected(order, new Rejection(BROKER_CREDENTIALS, reason))
                            .replaceWith((BrokerCredentials) null);
                });
    }

    private Uni<Void> loginRequired(OpenOrder order) {
        return lifecycle.brokerRejected(order, new Rejection(BROKER_LOGIN_REQUIRED, "The Kite session of this account"
                + " has expired; nothing was sent to Kite. Log in to Kite again (POST /api/v1/me/broker-accounts/"
                + order.accountId() + "/kite-session), then place the order again"));
    }

    private Uni<Void> place(OpenOrder order, KiteInstrument instrument, BigDecimal quantity, BrokerCredentials keys) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("exchange", instrument.exchange());
        form.put("tradingsymbol", instrument.tradingsymbol());
        form.put("transaction_type", order.side().name());
        form.put("order_type", order.type().name());
        form.put("quantity", quantity.toPlainString());
        form.put("product", config.product());
        form.put("validity", "DAY");
        if (order.type() == OrderType.LIMIT) {
            form.put("price", order.limitPrice().stripTrailingZeros().toPlainString());
        } else {
            form.put("market_protection", config.marketProtection());
        }
        form.put("tag", KiteTag.of(order.orderId()));
        Uni<KiteHttp.Answer> placed = http.post(orderCall(order), "/orders/regular", form, keys);
        return placed.onItemOrFailure().transformToUni((answer, failure) -> {
            if (failure instanceof BrokerTrafficException refusal) {
                return notSent(order, refusal);
            }
            if (failure != null) {
                return Uni.createFrom().failure(failure);
            }
            if (answer.ok()) {
                errors.answered(order.userId());
                String kiteOrderId = answer.data().path("order_id").asText();
                LOG.infof("Order %s placed at Kite as %s", order.orderId(), kiteOrderId);
                return lifecycle.confirmed(order, kiteOrderId).chain(() -> follow(order, keys, kiteOrderId, 1));
            }
            if (answer.sessionExpired()) {
                return sessions.expired(order.userId(), keys, "Kite refused the session when an order was placed")
                        .chain(() -> loginRequired(order));
            }
            if (answer.unknownOutcome()) {
                Instant deadline = Instant.now().plus(config.lostOrderGrace());
                LOG.warnf("Kite's answer to order %s was lost (HTTP %d %s): looking for tag %s in the orderbook until %s",
                        order.orderId(), answer.status(), answer.errorType(), KiteTag.of(order.orderId()), deadline);
                return lifecycle.markUnknown(order).chain(() -> findLost(order, keys, deadline, 1));
            }
            LOG.infof("Kite refused order %s: HTTP %d %s", order.orderId(), answer.status(), answer.errorType());
            return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED, "Kite refused the order: "
                    + answer.message() + " (" + answer.status() + " " + answer.errorType() + ")"));
        });
    }

    /** Nothing reached Kite: the order is refused with the traffic control's code, and may be placed again. */
    private Uni<Void> notSent(OpenOrder order, BrokerTrafficException refusal) {
        LOG.infof("Order %s not sent to Kite: %s", order.orderId(), refusal.code());
        return lifecycle.brokerRejected(order, refusal.rejection())
                .chain(() -> refusal.brokerFault()
                        ? errors.failed(order.userId(), NAME, refusal.code())
                        : Uni.createFrom().voidItem());
    }

    /** A MARKET order usually ends within a second: read it back a few times; a resting order waits for postbacks. */
    private Uni<Void> follow(OpenOrder order, BrokerCredentials keys, String kiteOrderId, int attempt) {
        return http.get(query(order), "/orders/" + kiteOrderId, keys).chain(history -> {
            JsonNode latest = latest(history.data());
            if (!history.ok() || latest == null) {
                LOG.warnf("Kite order %s (order %s) could not be read back (HTTP %d); postbacks and reconciliation follow",
                        kiteOrderId, order.orderId(), history.status());
                return Uni.createFrom().voidItem();
            }
            boolean working = !ENDED.contains(latest.path("status").asText());
            Uni<Void> settled = settle(order, keys, latest);
            if (working && order.type() == OrderType.MARKET && attempt < config.followAttempts()) {
                return settled.chain(() -> VertxContexts.pause(config.followInterval()))
                        .chain(() -> follow(order, keys, kiteOrderId, attempt + 1));
            }
            return settled;
        });
    }

    /** The placement's answer was lost: the orderbook tells whether Kite has the order. Never resent. */
    private Uni<Void> findLost(OpenOrder order, BrokerCredentials keys, Instant deadline, int attempt) {
        return http.get(query(order), "/orders", keys).chain(book -> {
            if (book.ok()) {
                Optional<JsonNode> found = tagged(book.data(), KiteTag.of(order.orderId()));
                if (found.isPresent()) {
                    errors.answered(order.userId());
                    LOG.infof("Order %s found at Kite as %s after its answer was lost", order.orderId(),
                            found.get().path("order_id").asText());
                    return settle(order, keys, found.get());
                }
            } else if (book.sessionExpired()) {
                // The order may exist: it stays open for reconciliation once the owner has logged in again.
                LOG.errorf("Order %s is in doubt: its answer was lost and Kite then refused the session", order.orderId());
                return sessions.expired(order.userId(), keys, "Kite refused the session while a lost order was looked for");
            }
            if (Instant.now().isAfter(deadline)) {
                if (book.ok()) {
                    LOG.warnf("Order %s is not in Kite's orderbook %s after its request ended: it never reached Kite",
                            order.orderId(), config.lostOrderGrace());
                    return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED, "The order did not reach Kite;"
                                    + " nothing was executed. Place it again with a new clientOrderId"))
                            .chain(() -> errors.failed(order.userId(), NAME, "the order was lost on its way"));
                }
                LOG.errorf("Order %s is in doubt: its answer was lost and Kite's orderbook could not be read (HTTP %d);"
                        + " reconciliation continues", order.orderId(), book.status());
                return errors.failed(order.userId(), NAME, "no answer to the order or its lookups");
            }
            Duration wait = Duration.ofMillis(Math.min(250L * attempt, 2000));
            return VertxContexts.pause(wait).chain(() -> findLost(order, keys, deadline, attempt + 1));
        });
    }

    /**
     * Not in today's orderbook during reconciliation: refused only when that proves it was never placed — sent more
     * than the call timeout plus the grace ago, so it would be listed by now, and today (India), because the orderbook
     * lists only the day's orders. Otherwise it stays open and is logged.
     */
    private Uni<Void> refuseIfNeverPlaced(OpenOrder order) {
        return Tenant.transaction(order.userId(), () -> orders.findOwned(order.userId(), order.orderId())).chain(stored -> {
            if (stored == null || stored.status != OrderStatus.ACCEPTED) {
                return Uni.createFrom().voidItem();
            }
            Instant sentBy = stored.updatedAt.plus(config.timeout()).plus(config.lostOrderGrace());
            boolean sameDay = LocalDate.ofInstant(stored.updatedAt, INDIA).equals(LocalDate.now(INDIA));
            if (Instant.now().isAfter(sentBy) && sameDay) {
                LOG.warnf("Order %s is not in Kite's orderbook long after it was sent: it never reached Kite", order.orderId());
                return lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED, "The order did not reach Kite;"
                        + " nothing was executed. Place it again with a new clientOrderId"));
            }
            LOG.errorf("Order %s is not in Kite's orderbook, which cannot yet prove it was never placed (sent %s);"
                    + " it stays open", order.orderId(), stored.updatedAt);
            return Uni.createFrom().voidItem();
        });
    }

    /** Confirms the order with Kite's id, applies what Kite executed, then ends our order if Kite ended its own. */
    private Uni<Void> settle(OpenOrder order, BrokerCredentials keys, JsonNode kiteOrder) {
        String kiteOrderId = kiteOrder.path("order_id").asText();
        String status = kiteOrder.path("status").asText();
        // Found at Kite: no longer uncertain, whatever else it tells (a user's new orders wait only for uncertain ones).
        Uni<Boolean> fillsRead = lifecycle.confirmed(order, kiteOrderId).chain(() ->
                new BigDecimal(kiteOrder.path("filled_quantity").asText("0")).signum() == 0
                        ? Uni.createFrom().item(true) : applyTrades(order, keys, kiteOrderId));
        return fillsRead.chain(read -> {
            if (!read) {
                return Uni.createFrom().voidItem();
            }
            String message = kiteOrder.path("status_message").asText("");
            return switch (status) {
                case "REJECTED" -> lifecycle.brokerRejected(order, new Rejection(BROKER_REJECTED,
                        "Kite rejected the order" + (message.isEmpty() ? "" : ": " + message)));
                case "CANCELLED" -> lifecycle.cancel(order.userId(), order.orderId(),
                                "Kite cancelled the order" + (message.isEmpty() ? "" : ": " + message))
                        .onFailure(OrderNotOpenException.class).recoverWithNull().replaceWithVoid();
                default -> Uni.createFrom().voidItem();
            };
        });
    }

    /** @return whether the trades could be read; each is applied once, however often it is read */
    private Uni<Boolean> applyTrades(OpenOrder order, BrokerCredentials keys, String kiteOrderId) {
        return http.get(query(order), "/orders/" + kiteOrderId + "/trades", keys).chain(trades -> {
            if (!trades.ok()) {
                LOG.warnf("Trades of Kite order %s (order %s) could not be read (HTTP %d); reconciliation follows",
                        kiteOrderId, order.orderId(), trades.status());
                return Uni.createFrom().item(false);
            }
            return Multi.createFrom().iterable(trades.data())
                    .onItem().transformToUniAndConcatenate(trade -> lifecycle.applyFill(order.userId(), order.orderId(),
                            execution(kiteOrderId, trade)))
                    .collect().asList().replaceWith(true);
        });
    }

    /** Places, modifies and cancels: Kite's order limits apply, and they are never retried (Kite has no client order id). */
    private static BrokerCall orderCall(OpenOrder order) {
        return BrokerCall.order(NAME, order.userId(), order.accountId(), 1);
    }

    private static BrokerCall query(OpenOrder order) {
        return BrokerCall.query(NAME, order.userId(), order.accountId(), 1);
    }

    /** Kite reports no charges per trade: the fee is 0 here and brokerage is settled outside the platform. */
    private static Execution execution(String kiteOrderId, JsonNode trade) {
        return new Execution(NAME + "-" + kiteOrderId + "-" + trade.path("trade_id").asText(),
                new BigDecimal(trade.path("quantity").asText()), new BigDecimal(trade.path("average_price").asText()),
                BigDecimal.ZERO, "INR", indianTime(trade.path("fill_timestamp").asText()));
    }

    /** Kite's timestamps are India's local time without a zone. */
    static Instant indianTime(String kiteTimestamp) {
        try {
            return LocalDateTime.parse(kiteTimestamp, KITE_TIME).atZone(INDIA).toInstant();
        } catch (DateTimeParseException unreadable) {
            return Instant.now();
        }
    }

    private static Optional<JsonNode> tagged(JsonNode orderbook, String tag) {
        return StreamSupport.stream(orderbook.spliterator(), false)
                .filter(order -> tag.equals(order.path("tag").asText())).findFirst();
    }

    /** {@code GET /orders/{id}} lists every state the order went through; the last is the current one. */
    private static JsonNode latest(JsonNode history) {
        return history.isArray() && !history.isEmpty() ? history.get(history.size() - 1) : null;
    }
}
