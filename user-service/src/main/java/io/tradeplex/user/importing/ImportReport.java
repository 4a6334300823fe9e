package io.tradeplex.user.importing;

import io.tradeplex.kit.problem.FieldError;

import java.util.List;
import java.util.UUID;

/** What became of every row: created users (with their ids) and refused rows (with every reason, by field). */
public record ImportReport(int total, int created, int failed, List<RowReport> rows) {

    /** @param status {@code CREATED} or {@code FAILED}; a failed row created nothing */
    public record RowReport(int row, String email, String status, UUID userId, String code, List<FieldError> errors) {
        public static final String CREATED = "CREATED";
        public static final String FAILED = "FAILED";
    }
}
