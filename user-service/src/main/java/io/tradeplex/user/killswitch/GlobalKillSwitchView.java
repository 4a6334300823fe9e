package io.tradeplex.user.killswitch;

import java.time.Instant;
import java.util.UUID;

public record GlobalKillSwitchView(boolean active, String reason, UUID changedBy, Instant changedAt) {
}
