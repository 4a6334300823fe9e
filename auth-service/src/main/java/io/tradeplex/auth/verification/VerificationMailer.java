package io.tradeplex.auth.verification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Mails the verification link. SMTP host, port, sender and credentials are Quarkus Mailer's settings. */
@ApplicationScoped
public class VerificationMailer {
    static final String SUBJECT = "Confirm your email address for Tradeplex";

    private final ReactiveMailer mailer;
    private final String linkBase;
    private final Duration lifespan;

    public VerificationMailer(ReactiveMailer mailer, EmailVerificationConfig config) {
        this.mailer = mailer;
        this.linkBase = config.linkBase();
        this.lifespan = config.tokenLifespan();
    }

    public Uni<Void> send(String email, String token) {
        String link = linkBase + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "Please confirm that this is your email address by opening this link within "
                + lifespan.toHours() + " hours:\n\n"
                + link + "\n\n"
                + "Or send this token to POST /api/v1/auth/verify-email:\n\n"
                + token + "\n\n"
                + "If you did not sign up for Tradeplex, ignore this message.\n";
        return mailer.send(Mail.withText(email, SUBJECT, text));
    }
}
