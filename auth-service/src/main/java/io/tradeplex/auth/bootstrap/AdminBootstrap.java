package io.tradeplex.auth.bootstrap;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradeplex.auth.account.AccountService;
import io.tradeplex.auth.account.CommonPasswords;
import io.tradeplex.auth.account.EmailAddresses;
import io.tradeplex.auth.account.PasswordPolicy;
import io.tradeplex.kit.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the configured administrator at start unless an account with that email exists, so a fresh platform has
 * someone who can administer it. Safe to run on every start and on several instances at once.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final List<String> ADMIN_ROLES = List.of(AccountService.ROLE_ADMIN, AccountService.ROLE_TRADER);

    private final AdminConfig config;
    private final AccountService accountService;
    private final CommonPasswords commonPasswords;

    public AdminBootstrap(AdminConfig config, AccountService accountService, CommonPasswords commonPasswords) {
        this.config = config;
        this.accountService = accountService;
        this.commonPasswords = commonPasswords;
    }

    void onStart(@Observes StartupEvent ignored) throws Throwable {
        if (config.email().isEmpty() || config.password().isEmpty()) {
            LOG.info("No bootstrap admin configured (TRADEPLEX_ADMIN_EMAIL / TRADEPLEX_ADMIN_PASSWORD)");
            return;
        }
        String email = EmailAddresses.normalise(config.email().get());
        String password = config.password().get();
        // Refusing to start beats quietly running with an admin nobody can log in as, or with a weak password.
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalStateException("tradeplex.admin.email is not an email address");
        }
        if (!PasswordPolicy.acceptable(password)) {
            throw new IllegalStateException("tradeplex.admin.password must be " + PasswordPolicy.MIN_LENGTH + " to "
                    + PasswordPolicy.MAX_LENGTH + " characters");
        }
        if (commonPasswords.isCommon(password)) {
            throw new IllegalStateException("tradeplex.admin.password is on the common-password list; choose another");
        }
        boolean created = VertxContextSupport.subscribeAndAwait(() -> ensureAdmin(email, password));
        LOG.infof(created ? "Bootstrap admin %s created" : "Bootstrap admin %s already exists", email);
    }

    /**
     * An existing account with that email, admin or not, is left exactly as it is: start-up never resets a password
     * or grants a role. Registration checks for the email before hashing, so a restart costs no Argon2 work.
     * The address counts as verified: the operator vouches for it, and start-up cannot wait for a mailed link.
     *
     * @return true if the account was created now
     */
    Uni<Boolean> ensureAdmin(String email, String password) {
        return accountService.register(email, password, "Administrator", ADMIN_ROLES, true)
                .replaceWith(true)
                .onFailure(failure -> failure instanceof ApiException api && AccountService.EMAIL_TAKEN.equals(api.code()))
                .recoverWithItem(false);
    }
}
