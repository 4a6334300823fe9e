package io.tradeplex.gateway;

/** What the gateway itself can answer instead of an upstream, with stable codes clients may switch on. */
public enum GatewayProblem {
    NO_ROUTE(404, "Not Found", "NOT_FOUND", "No API route matches this path"),
    TOKEN_MISSING(401, "Unauthorized", "UNAUTHORIZED", "An access token is required (Authorization: Bearer <token>)"),
    TOKEN_INVALID(401, "Unauthorized", "UNAUTHORIZED", "The access token is invalid or has expired"),
    SESSION_REVOKED(401, "Unauthorized", "SESSION_REVOKED", "The session of this access token has ended; sign in again"),
    BODY_TOO_LARGE(413, "Payload Too Large", "PAYLOAD_TOO_LARGE", "The request body is larger than the gateway accepts"),
    RATE_LIMITED(429, "Too Many Requests", "RATE_LIMITED", "Too many requests; retry after the time in Retry-After"),
    UPSTREAM_UNAVAILABLE(502, "Upstream unavailable", "UPSTREAM_UNAVAILABLE", "The service behind this route cannot be reached"),
    /** Same code as the 502: for a client both mean the service is out of reach; the 503 adds when to come back. */
    UPSTREAM_CIRCUIT_OPEN(503, "Service Unavailable", "UPSTREAM_UNAVAILABLE",
            "The service behind this route is failing; retry after the time in Retry-After"),
    UPSTREAM_BUSY(503, "Service Unavailable", "UPSTREAM_BUSY", "Too many requests are waiting for this service; retry shortly"),
    UPSTREAM_TIMEOUT(504, "Upstream timeout", "UPSTREAM_TIMEOUT", "The service behind this route did not answer in time");

    private final int status;
    private final String title;
    private final String code;
    private final String detail;

    GatewayProblem(int status, String title, String code, String detail) {
        this.status = status;
        this.title = title;
        this.code = code;
        this.detail = detail;
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

    public String detail() {
        return detail;
    }
}
