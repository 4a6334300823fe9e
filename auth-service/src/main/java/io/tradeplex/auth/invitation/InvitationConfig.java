package io.tradeplex.auth.invitation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Invitations mailed to imported users. */
@ConfigMapping(prefix = "tradeplex.auth.invitations")
public interface InvitationConfig {
    /** How long an invitation can be accepted. */
    @WithDefault("P7D")
    Duration tokenLifespan();

    /** The web client's page where the invited user chooses a password; {@code ?token=…} is appended. */
    @WithDefault("http://localhost:8080/accept-invitation")
    String linkBase();

    /** How many invitation mails one import sends at once; bounds the SMTP connections an import takes. */
    @WithDefault("8")
    int mailConcurrency();
}
