package io.tradeplex.strategy.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.PlaceOrder;
import io.tradeplex.contracts.strategies.StrategyFailed;
import io.tradeplex.contracts.strategies.StrategySignal;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.strategy.engine.Signal;
import io.tradeplex.strategy.instance.StrategyEntity;
import io.tradeplex.strategy.instance.StrategyRepository;
import io.tradeplex.strategy.instance.StrategyStatus;
import io.tradeplex.strategy.signal.SignalEntity;
import io.tradeplex.strategy.signal.SignalRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes what a user's strategies decided, in one transaction as the user: each signal's row, its order command
 * (picked up by order-service's one writer for that user) and its event, and each run's new snapshot. The client
 * order id comes from the strategy, the bar and the leg, and the order id from the client order id, so writing the
 * same bar's signal again — after a retry, a restart or a move to another instance — finds the row and adds nothing.
 */
@ApplicationScoped
public class SignalWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    private final StrategyRepository strategies;
    private final SignalRepository signals;
    private final Outbox outbox;

    public SignalWriter(StrategyRepository strategies, SignalRepository signals, Outbox outbox) {
        this.strategies = strategies;
        this.signals = signals;
        this.outbox = outbox;
    }

    public static String clientOrderId(UUID strategyId, Signal signal) {
        return StrategySignal.CLIENT_ORDER_ID_PREFIX + strategyId + ":" + signal.barTime().getEpochSecond() + ":"
                + signal.leg();
    }

    public static UUID orderId(UUID userId, String clientOrderId) {
        return UUID.nameUUIDFromBytes((userId + "/" + clientOrderId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes one user's queued signals in one transaction, in their order, with each strategy's newest snapshot: a
     * handful of statements however many signals (the rows batched, the events in one multi-row insert).
     *
     * @return the strategies no longer RUNNING in the database (stopped meanwhile): nothing was written for them
     */
    Uni<Set<UUID>> writeAll(UUID userId, List<SignalQueue.Pending> batch, Instant now) {
        Set<UUID> ids = batch.stream().map(pending -> pending.live().strategyId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> clientOrderIds = batch.stream().flatMap(pending -> pending.signals().stream()
                .map(signal -> clientOrderId(pending.live().strategyId, signal))).toList();
        return Tenant.transaction(userId, () -> strategies.findOwnedForUpdate(userId, ids)
                .chain(found -> signals.existing(userId, clientOrderIds).chain(written -> {
                    Map<UUID, StrategyEntity> running = new HashMap<>();
                    found.stream().filter(strategy -> strategy.status == StrategyStatus.RUNNING)
                            .forEach(strategy -> running.put(strategy.id, strategy));
                    Set<UUID> notRunning = new HashSet<>(ids);
                    notRunning.removeAll(running.keySet());
                    List<SignalEntity> rows = new ArrayList<>();
                    List<Outbox.Outgoing> events = new ArrayList<>();
                    for (SignalQueue.Pending pending : batch) {
                        StrategyEntity strategy = running.get(pending.live().strategyId);
                        if (strategy == null) {
                            continue;
                        }
                        putSnapshot(strategy, pending.symbol(), pending.snapshot(), now);
                        for (Signal signal : pending.signals()) {
                            String clientOrderId = clientOrderId(pending.live().strategyId, signal);
                            // Already there: a replayed bar's signal, written before.
                            if (written.add(clientOrderId)) {
                                add(pending.live(), pending.symbol(), signal, clientOrderId, now, rows, events);
                            }
                        }
                    }
                    return signals.persist(rows).chain(() -> outbox.addAll(events)).replaceWith(notRunning);
                })));
    }

    /** Keeps the snapshot of a strategy that stops or leaves this instance, so it resumes where it was. */
    Uni<Void> saveSnapshots(LiveStrategy live, Instant now) {
        return Tenant.transaction(live.userId, () -> strategies.findOwnedForUpdate(live.userId, live.strategyId)
                .invoke(strategy -> {
                    if (strategy != null) {
                        live.runs.forEach((symbol, run) -> putSnapshot(strategy, symbol, run.snapshot(), now));
                    }
                })
                .replaceWithVoid());
    }

    /** Marks the strategy FAILED (once) with its event; a strategy already stopped stays as it is. */
    Uni<Void> fail(LiveStrategy live, String code, String reason, Instant now) {
        String user = live.userId.toString();
        return Tenant.transaction(live.userId, () -> strategies.findOwnedForUpdate(live.userId, live.strategyId)
                .chain(strategy -> {
                    if (strategy == null || strategy.status != StrategyStatus.RUNNING) {
                        return Uni.createFrom().voidItem();
                    }
                    strategy.status = StrategyStatus.FAILED;
                    strategy.statusReason = code + ": " + reason;
                    strategy.updatedAt = now;
                    return outbox.add(Topics.STRATEGIES, user, user, new StrategyFailed(StrategyFailed.SCHEMA_VERSION,
                            live.userId, live.strategyId, code, reason, now)).replaceWithVoid();
                }));
    }

    private static void add(LiveStrategy live, String symbol, Signal signal, String clientOrderId, Instant now,
                            List<SignalEntity> rows, List<Outbox.Outgoing> events) {
        UUID orderId = orderId(live.userId, clientOrderId);
        String user = live.userId.toString();
        SignalEntity row = new SignalEntity();
        row.orderId = orderId;
        row.userId = live.userId;
        row.strategyId = live.strategyId;
        row.clientOrderId = clientOrderId;
        row.symbol = symbol;
        row.side = signal.side();
        row.quantity = signal.quantity();
        row.kind = signal.kind().name();
        row.reason = signal.reason();
        row.barTime = signal.barTime();
        row.status = SignalEntity.SENT;
        row.createdAt = now;
        row.updatedAt = now;
        rows.add(row);
        events.add(new Outbox.Outgoing(Topics.ORDER_COMMANDS, user, user, new PlaceOrder(PlaceOrder.SCHEMA_VERSION,
                orderId, live.userId, live.accountId, live.broker, clientOrderId, symbol, signal.side(),
                OrderType.MARKET, signal.quantity(), null, "strategy:" + live.strategyId, now)));
        events.add(new Outbox.Outgoing(Topics.STRATEGIES, user, user, new StrategySignal(StrategySignal.SCHEMA_VERSION,
                live.userId, live.strategyId, live.accountId, symbol, signal.side(), signal.quantity(),
                signal.kind().name(), signal.reason(), signal.barTime(), orderId, clientOrderId, now)));
    }

    private static void putSnapshot(StrategyEntity strategy, String symbol, String snapshot, Instant now) {
        try {
            ObjectNode state = (ObjectNode) JSON.readTree(strategy.state);
            state.set(symbol, JSON.readTree(snapshot));
            strategy.state = JSON.writeValueAsString(state);
            strategy.updatedAt = now;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A strategy's state is not JSON", e);
        }
    }

    /** The snapshot kept for one symbol, or null when there is none. */
    static String snapshotOf(StrategyEntity strategy, String symbol) {
        try {
            var node = JSON.readTree(strategy.state).get(symbol);
            return node == null ? null : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A strategy's state is not JSON", e);
        }
    }
}
