package io.tradeplex.auth.invitation;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Mails the invitation link. SMTP host, port, sender and credentials are Quarkus Mailer's settings. */
@ApplicationScoped
public class InvitationMailer {
    static final String SUBJECT = "You are invited to Tradeplex";

    private final ReactiveMailer mailer;
    private final String linkBase;
    private final Duration lifespan;

    public InvitationMailer(ReactiveMailer mailer, InvitationConfig config) {
        this.mailer = mailer;
        this.linkBase = config.linkBase();
        this.lifespan = config.tokenLifespan();
    }

    public Uni<Void> send(String email, String token) {
        String link = linkBase + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "An administrator has created a Tradeplex account for this email address.\n\n"
                + "Choose your password by opening this link within " + lifespan.toDays() + " days:\n\n"
                + link + "\n\n"
                + "Or send this token with your new password to POST /api/v1/auth/invitations/accept:\n\n"
                + token + "\n\n"
                + "The link works once. If you did not expect this invitation, ignore this message.\n";
        return mailer.send(Mail.withText(email, SUBJECT, text));
    }
}
