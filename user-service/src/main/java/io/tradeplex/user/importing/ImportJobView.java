package io.tradeplex.user.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param status {@code RUNNING}, {@code DONE} (see {@code rows}) or {@code FAILED} (see {@code error}; rows created before
 *               the failure exist, and importing the same file again is safe: they answer EMAIL_TAKEN)
 */
public record ImportJobView(UUID importId, String status, int total, Integer created, Integer failed,
                            List<ImportReport.RowReport> rows, String error, Instant startedAt, Instant finishedAt) {
}
