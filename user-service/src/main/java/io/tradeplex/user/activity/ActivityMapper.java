package io.tradeplex.user.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeplex.contracts.audit.AuditEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

final class ActivityMapper {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_DETAIL_LENGTH = 200;
    private static final int MAX_SUMMARY_LENGTH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private ActivityMapper() {
    }

    static ActivityEntry fromEvent(String eventId, AuditEvent event) {
        ActivityEntry entry = new ActivityEntry();
        entry.eventId = eventId;
        entry.userId = event.userId();
        entry.occurredAt = event.occurredAt();
        entry.actorId = event.actorId();
        entry.action = event.action();
        int dot = event.action().indexOf('.');
        entry.kind = dot < 0 ? event.action() : event.action().substring(0, dot);
        entry.outcome = event.outcome();
        entry.reason = event.reason();
        entry.resource = event.resource();
        entry.sourceIp = event.sourceIp();
        Map<String, String> details = event.details() == null ? Map.of() : event.details();
        entry.details = storedDetails(details);
        entry.accountId = accountIdOf(details);
        entry.summary = summaryOf(entry);
        return entry;
    }

    /**
     * Details as stored, for every source of entries. Producers promise small, non-secret details; a log that lives
     * 400 days takes no chances on size.
     */
    static String storedDetails(Map<String, String> details) {
        Map<String, String> stored = new TreeMap<>();
        details.forEach((key, value) -> stored.put(key, clip(value, MAX_DETAIL_LENGTH)));
        return write(stored);
    }

    /** The summary column holds 500 characters. */
    static String storedSummary(String summary) {
        return clip(summary, MAX_SUMMARY_LENGTH);
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static ActivityView toView(ActivityEntry entry) {
        return new ActivityView(entry.eventId, entry.occurredAt, entry.kind, entry.action, entry.outcome, entry.reason,
                entry.accountId, entry.resource, entry.actorId, entry.summary, read(entry.details));
    }

    /** One line of the day's text log: time, outcome, action, summary; line breaks could not forge another line. */
    static String toLogLine(ActivityEntry entry) {
        String line = LOG_TIME.format(entry.occurredAt) + " " + entry.outcome + " " + entry.action + " " + entry.summary
                + (entry.accountId == null ? "" : " account=" + entry.accountId)
                + (entry.actorId == null || entry.actorId.equals(entry.userId) ? "" : " by=" + entry.actorId)
                + " id=" + entry.eventId;
        return line.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String summaryOf(ActivityEntry entry) {
        StringBuilder summary = new StringBuilder(entry.action);
        summary.append(switch (entry.outcome) {
            case AuditEvent.DENIED -> " denied";
            case AuditEvent.FAILED -> " failed";
            default -> "";
        });
        if (entry.reason != null) {
            summary.append(" (").append(entry.reason).append(')');
        }
        if (entry.resource != null) {
            summary.append(" on ").append(entry.resource);
        }
        return storedSummary(summary.toString());
    }

    private static String write(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }

    private static Map<String, String> read(String details) {
        try {
            return JSON.readValue(details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored activity details are not a JSON object of strings", e);
        }
    }

    private static UUID accountIdOf(Map<String, String> details) {
        String value = details.getOrDefault("accountId", details.get("brokerAccountId"));
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
