package io.tradeplex.auth.verification;

import java.util.UUID;

/** The account's state after a successful verification; access tokens carry it from the next refresh or login on. */
public record EmailVerificationResponse(UUID userId, boolean emailVerified) {
}
