package io.tradeplex.user.brokeraccount;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * order-service's report that Kite refused an account's session (403 TokenException).
 *
 * @param accessTokenSha256 hex SHA-256 of the access token Kite refused: only that session is ended, so a report that
 *                          crosses the user's fresh login leaves the new session alone
 * @param reason            what order-service was doing, for the audit log
 */
public record KiteLoginRequiredRequest(
        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String accessTokenSha256,
        @Size(max = 200) String reason) {
}
