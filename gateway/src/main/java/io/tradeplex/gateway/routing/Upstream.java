package io.tradeplex.gateway.routing;

import java.net.URI;

/** A backend service the gateway forwards to; paths are forwarded unchanged, so its URL carries no path. */
public record Upstream(String name, URI baseUrl) {

    public Upstream {
        boolean http = "http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme());
        boolean noPath = baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty() || "/".equals(baseUrl.getRawPath());
        if (!http || baseUrl.getHost() == null || !noPath) {
            throw new IllegalArgumentException("Upstream " + name + " needs an http(s)://host:port URL, not " + baseUrl);
        }
    }

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        return baseUrl.getPort() != -1 ? baseUrl.getPort() : ssl() ? 443 : 80;
    }

    public boolean ssl() {
        return "https".equals(baseUrl.getScheme());
    }
}
