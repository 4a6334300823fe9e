package io.tradeplex.gateway.proxy;

import io.tradeplex.gateway.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which headers cross the gateway, in each direction. */
final class ForwardedHeaders {
    /** RFC 9110 §7.6.1: these describe one connection, not the message, as do the headers the Connection header names. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");
    /**
     * Who the caller is and where the request came from is said by the gateway only: upstreams take the user from the
     * token, and a client-supplied X-User-Id or X-Forwarded-For must not reach them. The gateway also answers Expect
     * itself, and Host names the gateway, not the upstream.
     */
    private static final Set<String> SET_BY_GATEWAY = Set.of("x-user-id", "x-request-id", "x-real-ip", "forwarded", "host", "expect");
    private static final List<String> SET_BY_GATEWAY_PREFIXES = List.of("x-auth-", "x-forwarded-");

    private ForwardedHeaders() {
    }

    static MultiMap toUpstream(HttpServerRequest request, String requestId) {
        Set<String> connectionScoped = connectionScoped(request.headers());
        MultiMap headers = HttpHeaders.headers();
        request.headers().forEach((name, value) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!isHopByHop(lowerCase, connectionScoped) && !isSetByGateway(lowerCase)) {
                headers.add(name, value);
            }
        });
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        headers.set(RequestIds.HEADER, requestId);
        return headers;
    }

    static void copyToClient(MultiMap upstreamHeaders, MultiMap clientHeaders) {
        Set<String> connectionScoped = connectionScoped(upstreamHeaders);
        upstreamHeaders.forEach((name, value) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!isHopByHop(lowerCase, connectionScoped) && !"x-request-id".equals(lowerCase)) {
                clientHeaders.add(name, value);
            }
        });
    }

    /** A body whose end only the stream tells: HTTP/1.1 chunked, or HTTP/2 without Content-Length. */
    static boolean hasUndeclaredLength(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            return false;
        }
        return request.version() == HttpVersion.HTTP_2
                || "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING));
    }

    private static boolean isHopByHop(String lowerCaseName, Set<String> connectionScoped) {
        return HOP_BY_HOP.contains(lowerCaseName) || lowerCaseName.startsWith("proxy-") || connectionScoped.contains(lowerCaseName);
    }

    private static boolean isSetByGateway(String lowerCaseName) {
        return SET_BY_GATEWAY.contains(lowerCaseName) || SET_BY_GATEWAY_PREFIXES.stream().anyMatch(lowerCaseName::startsWith);
    }

    private static Set<String> connectionScoped(MultiMap headers) {
        return headers.getAll(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
