package io.tradeplex.user.activity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of an activity log on the wire. */
public record ActivityView(String id, Instant occurredAt, String kind, String action, String outcome, String reason,
                           UUID accountId, String resource, UUID actorId, String summary, Map<String, String> details) {
}
