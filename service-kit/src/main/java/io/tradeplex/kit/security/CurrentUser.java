package io.tradeplex.kit.security;

import io.tradeplex.kit.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The caller, taken only from the verified access token's {@code sub}. Nothing a client puts in a path, body or header
 * can change who this is, so every query scoped by {@link #id()} is scoped to the caller.
 */
@RequestScoped
public class CurrentUser {
    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw ApiException.unauthorized("A valid bearer token is required");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("The token's subject is not a user id");
        }
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public String email() {
        return token.getClaim("email");
    }

    public String displayName() {
        return token.getClaim("name");
    }

    /** auth-service's {@code email_verified} claim; false when absent. */
    public boolean emailVerified() {
        Object claim = token.getClaim("email_verified");
        return claim instanceof Boolean verified ? verified
                : claim != null && Boolean.parseBoolean(claim.toString().replace("\"", ""));
    }

    public String rawToken() {
        return token.getRawToken();
    }
}
