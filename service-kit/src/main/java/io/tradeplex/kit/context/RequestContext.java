package io.tradeplex.kit.context;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Puts the request id and the caller's user id into the logging context, so every log line of a request names both.
 * The request id comes from the gateway's {@code X-Request-Id} when it is well-formed, otherwise a new one is made.
 */
public class RequestContext {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final CurrentIdentityAssociation identity;

    public RequestContext(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = true)
    public void tagRequest(ContainerRequestContext request) {
        String incoming = request.getHeaderString(REQUEST_ID_HEADER);
        String requestId = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CLIENT_ADDRESS, clientAddressOf(request));
    }

    /**
     * The gateway replaces any client-sent {@code X-Forwarded-For} with the peer it saw, so its first entry is the
     * client. Only the gateway reaches the services (they listen on loopback or behind a network policy).
     */
    private static String clientAddressOf(ContainerRequestContext request) {
        String forwarded = request.getHeaderString("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].trim();
            if (first.matches("[0-9A-Fa-f:.]{2,45}")) {
                return first;
            }
        }
        return "direct";
    }

    /** A bad token is not an error here: the endpoint's own security answers it; this only labels the logs. */
    @ServerRequestFilter
    public Uni<Void> tagUser(ContainerRequestContext request) {
        if (request.getHeaderString("Authorization") == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity()
                .onItem().invoke(id -> {
                    if (id.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
                        MDC.put(USER_ID, jwt.getSubject());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerResponseContext response) {
        Object requestId = MDC.get(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID_HEADER, requestId.toString());
        }
    }

    public static String currentClientAddress() {
        Object address = MDC.get(CLIENT_ADDRESS);
        return address == null ? null : address.toString();
    }

    public static String currentRequestId() {
        Object requestId = MDC.get(REQUEST_ID);
        return requestId == null ? null : requestId.toString();
    }
}
