package io.tradeplex.auth.account;

import java.util.UUID;

public record RegisterResponse(UUID userId) {
}
