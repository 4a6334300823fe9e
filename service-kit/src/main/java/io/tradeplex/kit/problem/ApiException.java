package io.tradeplex.kit.problem;

import java.util.List;

/** A failure the client should see as a problem+json answer with this status and code. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final String code;
    private final List<FieldError> errors;

    public ApiException(int status, String title, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** Also for objects that exist but belong to someone else: never tell a caller another user's id is real. */
    public static ApiException notFound(String what) {
        return new ApiException(404, "Not Found", "NOT_FOUND", what + " not found", List.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "Invalid request", "VALIDATION", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, "Conflict", code, detail, List.of());
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(422, "Unprocessable request", code, detail, List.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", "UNAUTHORIZED", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
