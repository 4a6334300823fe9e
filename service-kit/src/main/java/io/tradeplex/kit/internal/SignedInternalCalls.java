package io.tradeplex.kit.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;

/**
 * Signs a REST client's calls as this service: register it on an internal client with
 * {@code @RegisterProvider(SignedInternalCalls.class)}.
 */
public class SignedInternalCalls implements ClientRequestFilter {
    private final InternalSecret secret;

    public SignedInternalCalls(InternalSecret secret) {
        this.secret = secret;
    }

    @Override
    public void filter(ClientRequestContext request) {
        byte[] key = secret.value().orElseThrow(() ->
                new IllegalStateException("tradeplex.internal.secret is not configured: internal calls cannot be signed"));
        URI uri = request.getUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long now = System.currentTimeMillis();
        request.getHeaders().putSingle(ServiceSignature.CALLER_HEADER, secret.serviceName());
        request.getHeaders().putSingle(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now));
        request.getHeaders().putSingle(ServiceSignature.SIGNATURE_HEADER,
                ServiceSignature.sign(key, secret.serviceName(), now, request.getMethod(), pathAndQuery));
    }
}
