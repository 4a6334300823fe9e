package io.tradeplex.gateway.security;

import io.vertx.core.http.HttpMethod;

import java.util.Set;

/**
 * The API calls a client makes before it has an access token, and a broker's calls to us. Exact method and path: anything else under /api needs
 * a token, so a new endpoint is protected until someone deliberately adds it here.
 */
public final class PublicEndpoints {
    private record Endpoint(HttpMethod method, String path) {
    }

    private static final Set<Endpoint> ENDPOINTS = Set.of(
            new Endpoint(HttpMethod.POST, "/api/v1/auth/register"),
            new Endpoint(HttpMethod.POST, "/api/v1/auth/login"),
            new Endpoint(HttpMethod.POST, "/api/v1/auth/refresh"),
            // A verification link may be opened on a device where the user is not logged in.
            new Endpoint(HttpMethod.POST, "/api/v1/auth/verify-email"),
            // An imported user has never had a password, so they accept their invitation before any login.
            new Endpoint(HttpMethod.POST, "/api/v1/auth/invitations/accept"),
            new Endpoint(HttpMethod.GET, "/api/v1/auth/jwks"),
            // Kite, not a user, calls it; order-service accepts a postback only with a checksum made with the secret
            // of the account its order was placed on.
            new Endpoint(HttpMethod.POST, "/api/v1/brokers/kite/postback"));

    private PublicEndpoints() {
    }

    public static boolean contains(HttpMethod method, String path) {
        return ENDPOINTS.contains(new Endpoint(method, path));
    }
}
