package io.tradeplex.auth.importing;

import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * One user to create. Only {@code row} is checked for the whole request (the caller's numbering, echoed back); the
 * rest is checked per row.
 *
 * @param roles null or empty for {@code ["trader"]}
 */
public record ImportRow(@NotNull Integer row, String email, String displayName, List<String> roles,
                        ImportOnboarding onboarding) {
}
