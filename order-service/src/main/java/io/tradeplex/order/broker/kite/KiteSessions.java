package io.tradeplex.order.broker.kite;

import io.smallrye.mutiny.Uni;
import io.tradeplex.order.account.BrokerCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kite sessions Kite has refused (403 TokenException). The account is marked login-required in user-service at once,
 * whose published state then refuses the account's orders before they reach a broker (ACCOUNT_LOGIN_REQUIRED); until
 * that state arrives, orders racing it are refused here, without calling Kite. Remembered by a hash of the refused
 * access token, so a fresh login (a new token) trades again at once and nothing needs clearing.
 */
@ApplicationScoped
public class KiteSessions {
    private static final Logger LOG = Logger.getLogger(KiteSessions.class);

    /** account → hash of the access token Kite refused; one entry per account at most. */
    private final Map<UUID, String> refused = new ConcurrentHashMap<>();
    private final KiteSessionApi userService;

    public KiteSessions(@RestClient KiteSessionApi userService) {
        this.userService = userService;
    }

    public boolean refusedBefore(BrokerCredentials keys) {
        return fingerprint(keys.accessToken()).equals(refused.get(keys.accountId()));
    }

    /** Remembers the refusal and tells user-service; a failure to tell it is logged, never retried in a loop. */
    public Uni<Void> expired(UUID userId, BrokerCredentials keys, String reason) {
        String fingerprint = fingerprint(keys.accessToken());
        if (fingerprint.equals(refused.put(keys.accountId(), fingerprint))) {
            return Uni.createFrom().voidItem();
        }
        LOG.warnf("Kite refused the session of account %s (TokenException): marking it login-required", keys.accountId());
        // A few quick retries of this one internal call; never of anything sent to Kite.
        return VertxContexts.resumeHere(userService.loginRequired(userId, keys.accountId(),
                        new KiteSessionApi.LoginRequired(fingerprint, reason))
                        .onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(2))
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("Account %s could not be marked login-required in user-service (%s); its orders are"
                            + " refused here until its owner logs in again", keys.accountId(), failure.toString());
                    return null;
                });
    }

    static String fingerprint(String accessToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(accessToken).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
