package io.tradeplex.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem body. {@code code} is a stable machine-readable code (e.g. {@code VALIDATION},
 * {@code RISK_MAX_POSITION}) that clients may switch on; {@code title} and {@code detail} are for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String requestId, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
