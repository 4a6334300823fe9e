package io.tradeplex.kit.problem;

/** One invalid input: {@code field} is the JSON path as the client wrote it, e.g. {@code quantity}. */
public record FieldError(String field, String message) {
}
