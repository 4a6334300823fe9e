package io.tradeplex.auth.importing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * A bulk import as user-service sends it, after checking that the caller is an admin and validating the rows. Rows
 * are checked again here, one by one, so a bad row fails alone and never the whole import.
 *
 * @param importedBy the administrator, carried into each {@code UserRegistered}
 */
public record ImportRequest(@NotNull UUID importedBy, @NotNull List<@NotNull @Valid ImportRow> rows) {
}
