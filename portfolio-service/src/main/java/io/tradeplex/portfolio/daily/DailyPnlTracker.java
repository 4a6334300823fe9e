package io.tradeplex.portfolio.daily;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.portfolio.DailyLossLimitBreached;
import io.tradeplex.contracts.portfolio.DailyPnl;
import io.tradeplex.kit.outbox.Outbox;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.portfolio.market.MarkPrices;
import io.tradeplex.portfolio.position.OpenPosition;
import io.tradeplex.portfolio.position.PositionRepository;
import io.tradeplex.portfolio.user.UserDirectory;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.tradeplex.kit.context.DuplicatedContexts.onNewDuplicatedContext;

/**
 * Marks the owned users' days every second: each account's day P&L from its booked fills and its open positions at
 * the latest ticks, the user's total against their daily-loss limit, and {@link DailyPnl} on the portfolio topic when
 * it changed. A loss that reaches the limit is recorded once per user and day with its {@link DailyLossLimitBreached}
 * (user-service sets the kill switch, order-service stops new exposure); the next trading day starts from zero.
 * <p>
 * One read across users (read-only bypass) per round; writes happen only for a user whose figures are published, whose
 * account starts a day, or who breaches, each in that user's own transaction.
 */
@ApplicationScoped
public class DailyPnlTracker {
    private static final Logger LOG = Logger.getLogger(DailyPnlTracker.class);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** What was last published for a user, so an unchanged day is not published again. */
    private record Published(LocalDate day, long trades, BigDecimal netPnl, Instant at) {
    }

    /** One user's day as this round sees it. */
    record UserDay(UUID userId, UserDirectory.Profile profile, LocalDate day, List<DayFigures> accounts,
                   Set<UUID> accountsToOpen, boolean breach, boolean publish) {
        DayFigures total() {
            return accounts.stream().reduce(DayFigures.zero(null), DayFigures::plus);
        }
    }

    private final Vertx vertx;
    private final DailyPnlConfig config;
    private final FillPartitions partitions;
    private final UserDirectory users;
    private final MarkPrices marks;
    private final PositionRepository positions;
    private final DailyPnlRepository days;
    private final Outbox outbox;
    private final Map<UUID, Published> published = new ConcurrentHashMap<>();
    private final Set<BreachKey> breached = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();

    private record BreachKey(UUID userId, LocalDate day) {
    }

    public DailyPnlTracker(Vertx vertx, DailyPnlConfig config, FillPartitions partitions,
                           UserDirectory users, MarkPrices marks, PositionRepository positions, DailyPnlRepository days,
                           Outbox outbox) {
        this.vertx = vertx;
        this.config = config;
        this.partitions = partitions;
        this.users = users;
        this.marks = marks;
        this.positions = positions;
        this.days = days;
        this.outbox = outbox;
    }

    void start(@Observes StartupEvent ignored) {
        if (config.evaluateEvery().isZero()) {
            return;
        }
        vertx.setPeriodic(config.evaluateEvery().toMillis(), timer -> {
            // A round that outlasts the period (a slow database) is not overlapped by the next.
            if (running.compareAndSet(false, true)) {
                evaluate(Instant.now()).subscribe().with(
                        done -> running.set(false),
                        failure -> {
                            running.set(false);
                            LOG.warnf("Daily P&L round failed, retried next round: %s", failure.toString());
                        });
            }
        });
    }

    /** One round over every owned user with open positions or a booked day, as of {@code now}. */
    public Uni<Void> evaluate(Instant now) {
        return onNewDuplicatedContext(vertx, () -> round(now));
    }

    private Uni<Void> round(Instant now) {
        LocalDate utcDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // Every zone's "today" lies within a day of UTC's.
        LocalDate from = utcDay.minusDays(1);
        LocalDate to = utcDay.plusDays(1);
        return Tenant.systemTransaction("daily P&L: marking the owned users' open positions", () ->
                        positions.listAllOpen().chain(open -> days.listAllDays(from, to)
                                .chain(rows -> breachesBetween(from, to).map(seen -> plan(open, rows, seen, now)))))
                .chain(plans -> Multi.createFrom().iterable(plans)
                        .onItem().transformToUniAndConcatenate(plan -> write(plan, now)
                                .onFailure().invoke(failure -> LOG.warnf("Daily P&L of user %s not written this "
                                        + "round: %s", plan.userId(), failure.toString()))
                                .onFailure().recoverWithNull())
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<List<BreachKey>> breachesBetween(LocalDate from, LocalDate to) {
        return days.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select b.userId, b.tradingDay from DailyLossBreachEntity b where b.tradingDay between :from and :to",
                                Object[].class)
                        .setParameter("from", from).setParameter("to", to).getResultList())
                .map(rows -> rows.stream().map(row -> new BreachKey((UUID) row[0], (LocalDate) row[1])).toList());
    }

    List<UserDay> plan(List<OpenPosition> open, List<DailyPnlRepository.DayRow> rows, List<BreachKey> seen, Instant now) {
        breached.addAll(seen);
        Map<UUID, List<OpenPosition>> openByUser = open.stream()
                .filter(position -> partitions.owns(position.userId()))
                .collect(Collectors.groupingBy(OpenPosition::userId));
        Map<UUID, List<DailyPnlRepository.DayRow>> rowsByUser = rows.stream()
                .filter(row -> partitions.owns(row.userId()))
                .collect(Collectors.groupingBy(DailyPnlRepository.DayRow::userId));
        Set<UUID> userIds = new HashSet<>(openByUser.keySet());
        userIds.addAll(rowsByUser.keySet());
        List<UserDay> plans = new ArrayList<>();
        for (UUID userId : userIds) {
            UserDay day = dayOf(userId, openByUser.getOrDefault(userId, List.of()),
                    rowsByUser.getOrDefault(userId, List.of()), now);
            if (day.publish() || day.breach() || !day.accountsToOpen().isEmpty()) {
                plans.add(day);
            }
        }
        return plans;
    }

    private UserDay dayOf(UUID userId, List<OpenPosition> open, List<DailyPnlRepository.DayRow> rows, Instant now) {
        UserDirectory.Profile profile = users.of(userId);
        LocalDate day = now.atZone(profile.zone()).toLocalDate();
        Map<UUID, BigDecimal> unrealizedByAccount = new HashMap<>();
        for (OpenPosition position : open) {
            BigDecimal mark = marks.price(position.symbol()).orElse(position.avgPrice());
            unrealizedByAccount.merge(position.accountId(), position.unrealizedPnl(mark), BigDecimal::add);
        }
        Map<UUID, DailyPnlRepository.DayRow> today = rows.stream().filter(row -> row.tradingDay().equals(day))
                .collect(Collectors.toMap(DailyPnlRepository.DayRow::accountId, row -> row));
        Set<UUID> accountIds = new HashSet<>(unrealizedByAccount.keySet());
        accountIds.addAll(today.keySet());
        List<DayFigures> accounts = new ArrayList<>();
        Set<UUID> toOpen = new HashSet<>();
        for (UUID accountId : accountIds) {
            BigDecimal unrealized = unrealizedByAccount.getOrDefault(accountId, BigDecimal.ZERO);
            DailyPnlRepository.DayRow row = today.get(accountId);
            if (row == null) {
                // The account's first moment of the day: what its positions carry in is the day's baseline.
                toOpen.add(accountId);
                accounts.add(new DayFigures(accountId, BigDecimal.ZERO, BigDecimal.ZERO, 0, unrealized, unrealized));
            } else {
                accounts.add(row.figures(unrealized));
            }
        }
        DayFigures total = accounts.stream().reduce(DayFigures.zero(null), DayFigures::plus);
        BigDecimal limit = profile.maxDailyLossUsd();
        boolean breach = limit != null && limit.signum() > 0 && total.netPnl().compareTo(limit.negate()) <= 0
                && !breached.contains(new BreachKey(userId, day));
        Published last = published.get(userId);
        boolean publish = last == null || !last.day().equals(day) || last.trades() != total.trades() || breach
                || (total.netPnl().subtract(last.netPnl()).abs().compareTo(CENT) >= 0
                && !now.isBefore(last.at().plus(config.markPublishEvery())));
        return new UserDay(userId, profile, day, accounts, toOpen, breach, publish);
    }

    private Uni<Void> write(UserDay plan, Instant now) {
        DayFigures total = plan.total();
        String key = plan.userId().toString();
        return Tenant.transaction(plan.userId(), () -> openDays(plan, now)
                        .chain(() -> plan.publish() ? markDays(plan, now) : Uni.createFrom().voidItem())
                        .chain(() -> plan.breach() ? recordBreach(plan, total, now) : Uni.createFrom().voidItem())
                        .chain(() -> plan.publish()
                                ? outbox.add(Topics.PORTFOLIO, key, key, DailyPnlMapper.toEvent(plan, total, now)).replaceWithVoid()
                                : Uni.createFrom().voidItem()))
                .invoke(() -> {
                    if (plan.publish()) {
                        published.put(plan.userId(), new Published(plan.day(), total.trades(), total.netPnl(), now));
                    }
                });
    }

    private Uni<Void> openDays(UserDay plan, Instant now) {
        List<DailyPnlEntity> opened = plan.accounts().stream()
                .filter(figures -> plan.accountsToOpen().contains(figures.accountId()))
                .map(figures -> DailyLedger.open(plan.userId(), figures.accountId(), plan.day(), plan.profile().zone(),
                        figures.unrealizedOpen(), now))
                .toList();
        return opened.isEmpty() ? Uni.createFrom().voidItem() : days.persist(opened);
    }

    /** The day's latest unrealized figure, kept as its closing mark once the day is over. */
    private Uni<Void> markDays(UserDay plan, Instant now) {
        return Multi.createFrom().iterable(plan.accounts())
                .filter(figures -> !plan.accountsToOpen().contains(figures.accountId()))
                .onItem().transformToUniAndConcatenate(figures -> days.update(
                        "unrealizedLast = ?1, updatedAt = ?2 where userId = ?3 and accountId = ?4 and tradingDay = ?5",
                        figures.unrealizedNow(), now, plan.userId(), figures.accountId(), plan.day()))
                .collect().last().replaceWithVoid();
    }

    /** The row and the event commit together; a row already there (another instance, a retry) means nothing to do. */
    private Uni<Void> recordBreach(UserDay plan, DayFigures total, Instant now) {
        return days.getSession().chain(session -> session.createMutationQuery("""
                                insert into DailyLossBreachEntity (userId, tradingDay, netPnl, maxDailyLossUsd, breachedAt)
                                values (:userId, :day, :net, :limit, :at) on conflict (userId, tradingDay) do nothing""")
                        .setParameter("userId", plan.userId()).setParameter("day", plan.day())
                        .setParameter("net", total.netPnl()).setParameter("limit", plan.profile().maxDailyLossUsd())
                        .setParameter("at", now)
                        .executeUpdate())
                .chain(inserted -> {
                    breached.add(new BreachKey(plan.userId(), plan.day()));
                    if (inserted == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("User %s reached their daily-loss limit of %s USD on %s (day P&L %s USD)", plan.userId(),
                            plan.profile().maxDailyLossUsd().toPlainString(), plan.day(), total.netPnl().toPlainString());
                    String key = plan.userId().toString();
                    return outbox.add(Topics.PORTFOLIO, key, key, new DailyLossLimitBreached(
                            DailyLossLimitBreached.SCHEMA_VERSION, plan.userId(), plan.day(),
                            plan.profile().zone().getId(), total.netPnl(), plan.profile().maxDailyLossUsd(), now))
                            .replaceWithVoid();
                });
    }
}
