package io.tradeplex.user.profile;

import java.util.List;
import java.util.UUID;

public record MeResponse(UUID userId, String email, String displayName, String tier, String status, List<String> roles,
                         UUID activeAccountId, boolean emailVerified) {
}
