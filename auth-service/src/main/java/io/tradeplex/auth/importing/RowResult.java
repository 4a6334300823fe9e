package io.tradeplex.auth.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * {@code CREATED} with the new {@code userId} and whether the invitation mail went out, or {@code FAILED} with a
 * stable {@code code}, the {@code field} at fault and a readable {@code detail}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowResult(int row, String status, UUID userId, Boolean invitationMailed, String code, String field,
                        String detail) {
    public static final String CREATED = "CREATED";
    public static final String FAILED = "FAILED";

    static RowResult created(int row, UUID userId, boolean invitationMailed) {
        return new RowResult(row, CREATED, userId, invitationMailed, null, null, null);
    }

    static RowResult failed(int row, String code, String field, String detail) {
        return new RowResult(row, FAILED, null, null, code, field, detail);
    }
}
