package io.tradeplex.user.activity;

import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.kit.web.QueryParams;
import io.tradeplex.user.activity.ActivityRepository.ActivityQuery;
import io.tradeplex.user.activity.ActivityRepository.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads activity logs. Days are UTC days, in the list filter and in the day files alike, so an admin reading an
 * incident and the trader name the same day for the same line; the user's time zone setting does not shift them.
 */
@ApplicationScoped
public class ActivityService {
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,39}");

    private final ActivityRepository activity;
    private final AuditTrail audit;

    public ActivityService(ActivityRepository activity, AuditTrail audit) {
        this.activity = activity;
        this.audit = audit;
    }

    public Uni<ActivityPage> page(UUID userId, String day, String kind, String accountId, String limit, String cursor) {
        Optional<LocalDate> date = QueryParams.date("day", day);
        Optional<String> kindFilter = Optional.ofNullable(kind).map(String::strip).filter(k -> !k.isEmpty());
        if (kindFilter.isPresent() && !KIND.matcher(kindFilter.get()).matches()) {
            throw ApiException.invalid("kind", "must be a lower-case kind such as auth, order or strategy");
        }
        int size = QueryParams.integer("limit", limit, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ActivityQuery query = new ActivityQuery(date.map(ActivityService::startOf).orElse(null),
                date.map(d -> startOf(d.plusDays(1))).orElse(null), kindFilter,
                QueryParams.uuid("accountId", accountId), decodeCursor(cursor));
        return Tenant.transaction(userId, () -> activity.page(userId, query, size + 1))
                .map(found -> {
                    List<ActivityEntry> page = found.size() > size ? found.subList(0, size) : found;
                    String next = found.size() > size ? encodeCursor(page.get(page.size() - 1)) : null;
                    return new ActivityPage(page.stream().map(ActivityMapper::toView).toList(), next);
                });
    }

    public Uni<Response> dayLog(UUID userId, String date) {
        LocalDate day = parseDay(date);
        return Tenant.transaction(userId, () -> activity.day(userId, startOf(day), startOf(day.plusDays(1))))
                .map(entries -> Response.ok(entries.stream().map(ActivityMapper::toLogLine)
                                .collect(Collectors.joining("\n", "", entries.isEmpty() ? "" : "\n")))
                        .type(MediaType.TEXT_PLAIN_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activity-" + day + ".log\"")
                        .build());
    }

    /** In the user's log (who looked at my activity) and in the admin's (what I looked at), committed together. */
    public Uni<Void> recordAdminRead(UUID adminId, UUID userId, String resource) {
        Map<String, String> details = Map.of("userId", userId.toString());
        return Tenant.transaction(userId, () -> audit.within(audit.allowed(userId, adminId, AdminActivityResource.READ,
                        resource, details))
                .chain(() -> adminId.equals(userId) ? Uni.createFrom().voidItem()
                        : audit.within(audit.allowed(adminId, adminId, AdminActivityResource.READ, resource, details))));
    }

    private static LocalDate parseDay(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "must be a date, YYYY-MM-DD");
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String encodeCursor(ActivityEntry last) {
        String raw = last.occurredAt + "|" + last.eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Cursor> decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return Optional.of(new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor", "must be a nextCursor from an earlier page");
        }
    }
}
