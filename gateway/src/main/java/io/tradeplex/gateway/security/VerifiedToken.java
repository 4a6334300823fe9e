package io.tradeplex.gateway.security;

import java.util.Optional;

/**
 * What the gateway takes from an access token that passed every check.
 *
 * @param userId    the subject, a user id
 * @param sessionId the login session ({@code sid}) the token belongs to; absent on tokens not issued by a login
 */
public record VerifiedToken(String userId, Optional<String> sessionId) {
}
