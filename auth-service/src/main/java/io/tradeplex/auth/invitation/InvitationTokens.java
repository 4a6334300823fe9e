package io.tradeplex.auth.invitation;

import io.tradeplex.auth.token.RefreshTokens;

/**
 * Invitation tokens: 256 random bits like a refresh token, behind a prefix of their own, so neither can be mistaken
 * for the other in a support ticket or a log search. Only their SHA-256 is stored.
 */
public final class InvitationTokens {
    private static final String PREFIX = "inv1_";

    private InvitationTokens() {
    }

    public static String generate() {
        return PREFIX + RefreshTokens.generate();
    }

    /** Anything not shaped like one of ours is refused before touching the database. */
    public static boolean wellFormed(String token) {
        return token != null && token.startsWith(PREFIX) && RefreshTokens.wellFormed(token.substring(PREFIX.length()));
    }

    public static byte[] hash(String token) {
        return RefreshTokens.hash(token);
    }
}
