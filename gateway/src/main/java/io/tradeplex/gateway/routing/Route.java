package io.tradeplex.gateway.routing;

/** Paths starting with {@code prefix} go to {@code upstream}. */
public record Route(String prefix, Upstream upstream) {

    /** Matches whole path segments only, so {@code /api/v1/me} covers {@code /api/v1/me/limits} but not {@code /api/v1/meow}. */
    public boolean matches(String path) {
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
