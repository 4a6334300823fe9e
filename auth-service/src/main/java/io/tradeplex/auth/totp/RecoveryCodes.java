package io.tradeplex.auth.totp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One-time recovery codes, stored only as SHA-256: each has about 82 bits of randomness (16 characters of
 * {@code a-z0-9}), far beyond brute force, so a slow hash would add cost and no safety. Must run in a transaction.
 */
@ApplicationScoped
public class RecoveryCodes {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]{16}");

    /** Replaces any earlier set: a new enrolment makes old codes worthless. */
    public Uni<Void> replace(UUID userId, List<String> codes) {
        Uni<Void> chain = delete(userId);
        for (String code : codes) {
            chain = chain.chain(() -> Panache.getSession().chain(session -> session
                    .createNativeQuery("insert into recovery_codes (user_id, code_hash) values (:userId, :hash)")
                    .setParameter("userId", userId)
                    .setParameter("hash", hash(normalise(code)))
                    .executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    /** @return true if the code was one of the user's unused ones; it is used up now */
    public Uni<Boolean> spend(UUID userId, String typed, Instant now) {
        String code = normalise(typed);
        if (!SHAPE.matcher(code).matches()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("update recovery_codes set used_at = :now"
                                + " where user_id = :userId and code_hash = :hash and used_at is null")
                        .setParameter("now", now)
                        .setParameter("userId", userId)
                        .setParameter("hash", hash(code))
                        .executeUpdate())
                .map(updated -> updated == 1);
    }

    public Uni<Void> delete(UUID userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from recovery_codes where user_id = :userId")
                .setParameter("userId", userId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Users may type codes in capitals, with or without the dashes and spaces they were shown with. */
    static String normalise(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    private static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
