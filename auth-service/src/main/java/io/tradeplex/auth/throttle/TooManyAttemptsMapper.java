package io.tradeplex.auth.throttle;

import io.tradeplex.kit.context.RequestContext;
import io.tradeplex.kit.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The kit's problem mapper cannot add headers, and a 429 without {@code Retry-After} leaves clients guessing. */
public class TooManyAttemptsMapper {

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttempts e, UriInfo uri) {
        Problem problem = new Problem("about:blank", "Too Many Requests", 429, e.getMessage(), uri.getPath(),
                TooManyAttempts.CODE, RequestContext.currentRequestId(), null);
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
