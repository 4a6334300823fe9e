package io.tradeplex.kit.internal;

import io.tradeplex.kit.problem.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Guards every path under {@code /internal/}: only a signed call from another Tradeplex service gets through. The
 * gateway routes no such path, and the resources behind it are {@code @PermitAll} for end users' tokens, so this
 * filter is their only door. The verified caller is put on the request as {@link #CALLER_PROPERTY}.
 */
public class InternalCallFilter {
    public static final String PREFIX = "/internal/";
    public static final String CALLER_PROPERTY = "tradeplex.internal.caller";
    private static final Logger LOG = Logger.getLogger(InternalCallFilter.class);

    private final InternalSecret secret;

    public InternalCallFilter(InternalSecret secret) {
        this.secret = secret;
    }

    @ServerRequestFilter(preMatching = true)
    public void requireSignedCaller(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(PREFIX)) {
            return;
        }
        String caller = request.getHeaderString(ServiceSignature.CALLER_HEADER);
        String timestamp = request.getHeaderString(ServiceSignature.TIMESTAMP_HEADER);
        String signature = request.getHeaderString(ServiceSignature.SIGNATURE_HEADER);
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String pathAndQuery = path + (query == null ? "" : "?" + query);
        boolean valid = secret.value().isPresent() && caller != null && timestamp != null && timestamp.matches("\\d{1,15}")
                && ServiceSignature.verify(secret.value().get(), caller, Long.parseLong(timestamp), request.getMethod(),
                pathAndQuery, signature, System.currentTimeMillis());
        if (!valid) {
            LOG.warnf("Refused an unsigned or badly signed internal call to %s %s (caller header %s)",
                    request.getMethod(), path, caller);
            throw new ApiException(401, "Unauthorized", "SERVICE_SIGNATURE_INVALID",
                    "Internal endpoints answer only signed calls from Tradeplex services", List.of());
        }
        request.setProperty(CALLER_PROPERTY, caller);
    }
}
