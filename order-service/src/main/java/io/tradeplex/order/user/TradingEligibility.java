package io.tradeplex.order.user;

import io.tradeplex.contracts.users.UserState;
import io.tradeplex.order.execution.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether a user may trade at all, before any risk limit: enabled, allowed to trade, and (when the platform requires
 * it) with a verified e-mail address. A user whose state has not arrived yet is judged by their token's roles, which
 * grant trading to traders by default.
 */
@ApplicationScoped
public class TradingEligibility {
    public static final String USER_DISABLED = "USER_DISABLED";
    public static final String TRADING_NOT_PERMITTED = "TRADING_NOT_PERMITTED";
    public static final String EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED";
    static final String TRADE_PERMISSION = "trading:trade";

    private final UserStates states;
    private final boolean requireVerifiedEmail;

    public TradingEligibility(UserStates states,
                              @ConfigProperty(name = "tradeplex.require-verified-email", defaultValue = "false")
                              boolean requireVerifiedEmail) {
        this.states = states;
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    /**
     * @param tokenSaysVerified the caller's {@code email_verified} claim; false where there is no token (strategies)
     */
    public Optional<Rejection> check(UUID userId, boolean tokenSaysVerified) {
        Optional<UserState> state = states.of(userId);
        if (state.isPresent() && !"ACTIVE".equals(state.get().status())) {
            return Optional.of(new Rejection(USER_DISABLED, "Trading is disabled for this user"));
        }
        if (state.isPresent() && !state.get().permissions().contains(TRADE_PERMISSION)) {
            return Optional.of(new Rejection(TRADING_NOT_PERMITTED, "This user lacks the permission " + TRADE_PERMISSION));
        }
        boolean verified = tokenSaysVerified || state.map(UserState::emailVerified).orElse(false);
        if (requireVerifiedEmail && !verified) {
            return Optional.of(new Rejection(EMAIL_NOT_VERIFIED, "Verify your e-mail address before trading"));
        }
        return Optional.empty();
    }
}
