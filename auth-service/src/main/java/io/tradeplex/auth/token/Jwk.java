package io.tradeplex.auth.token;

/** A public RSA signing key as RFC 7517/7518 describe it. */
public record Jwk(String kty, String use, String alg, String kid, String n, String e) {
}
