package io.tradeplex.auth.importing;

import java.util.List;

/** One result per row, in the request's order. */
public record ImportResponse(List<RowResult> results) {
}
