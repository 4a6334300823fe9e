package io.tradeplex.user.admin;

import io.tradeplex.user.limits.LimitsView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record AdminUserView(UUID userId, String email, String displayName, String tier, String status,
                            boolean emailVerified, List<String> roles, List<String> permissions, Instant createdAt,
                            LimitsView limits, Instant deletedAt) {
}
