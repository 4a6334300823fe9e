package io.tradeplex.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradeplex.kit.context.RequestContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Every error a service answers is application/problem+json; nothing internal leaks into the body. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int HIGHER_THAN_BUILT_IN = 100;

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.code(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors, uri);
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableField(e, uri);
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableField(e, uri);
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return unreadableField(e, uri);
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(400, "Malformed JSON", "MALFORMED_JSON", "The request body is not valid JSON", uri,
                List.of(new FieldError("body", "not valid JSON")));
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(400, "Malformed JSON", "MALFORMED_JSON", "The request body could not be read", uri,
                List.of(new FieldError("body", "could not be read")));
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "Unauthorized", "UNAUTHORIZED", "A valid bearer token is required", uri, List.of());
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "Unauthorized", "UNAUTHORIZED", "A valid bearer token is required", uri, List.of());
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "FORBIDDEN", "You may not do this", uri, List.of());
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? unreadableField(mapping, uri) : malformedJson(null, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(status.getStatusCode(), status.getReasonPhrase(), "HTTP_" + status.getStatusCode(),
                status.getReasonPhrase(), uri, List.of());
    }

    @ServerExceptionMapper(priority = HIGHER_THAN_BUILT_IN + 1)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return respond(500, "Internal Server Error", "INTERNAL", "Something went wrong; quote the request id", uri, List.of());
    }

    private Response unreadableField(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "body";
        }
        String message = e instanceof InvalidFormatException invalid
                ? "cannot be read as " + invalid.getTargetType().getSimpleName().toLowerCase()
                : "has the wrong type or shape";
        return validation(List.of(new FieldError(field, message)), uri);
    }

    private Response validation(List<FieldError> errors, UriInfo uri) {
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(400, "Invalid request", "VALIDATION", detail, uri, errors);
    }

    /** Drops the method and parameter segments Hibernate Validator puts first, leaving the client's field path. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> names = nodes.stream()
                .filter(node -> node.getKind() == jakarta.validation.ElementKind.PROPERTY
                        || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .filter(name -> name != null && !name.startsWith("<"))
                .toList();
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        boolean aboutTheWholeBody = nodes.stream().anyMatch(node -> node.getKind() == jakarta.validation.ElementKind.PARAMETER
                && violation.getInvalidValue() == null);
        return aboutTheWholeBody || nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
    }

    private static Response respond(int status, String title, String code, String detail, UriInfo uri,
                                    List<FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), code,
                RequestContext.currentRequestId(), errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
