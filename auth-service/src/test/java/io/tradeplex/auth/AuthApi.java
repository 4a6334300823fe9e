package io.tradeplex.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.contracts.EventJson;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** The auth API as a client calls it, plus a look inside the JWTs it hands out. */
public final class AuthApi {
    public static final String PASSWORD = "correct horse battery";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern INVITATION_TOKEN = Pattern.compile("inv1_[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFICATION_TOKEN = Pattern.compile("v1\\.[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");

    private AuthApi() {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /**
     * A client address of its own, as the gateway would forward it. Calls default to a fresh one each, so failed
     * logins in one test (or an earlier run) never throttle another test's address.
     */
    public static String uniqueAddress() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    public static RequestSpecification from(String clientAddress) {
        return given().header("X-Forwarded-For", clientAddress);
    }

    public static Response register(String email, String password) {
        return from(uniqueAddress()).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/register");
    }

    public static UUID registered(String email) {
        return UUID.fromString(register(email, PASSWORD).then().statusCode(201).extract().path("userId"));
    }

    public static Response login(String email, String password) {
        return loginFrom(uniqueAddress(), email, password, null);
    }

    public static Response login(String email, String password, String totp) {
        return loginFrom(uniqueAddress(), email, password, totp);
    }

    public static Response loginFrom(String clientAddress, String email, String password, String totp) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", password));
        if (totp != null) {
            body.put("totp", totp);
        }
        return from(clientAddress).contentType(ContentType.JSON).body(body).post("/api/v1/auth/login");
    }

    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh");
    }

    /** The token in the latest verification mail to {@code email}. */
    public static String verificationToken(MockMailbox mailbox, String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        if (mails == null || mails.isEmpty()) {
            throw new AssertionError("no mail to " + email);
        }
        Matcher token = VERIFICATION_TOKEN.matcher(mails.get(mails.size() - 1).getText());
        if (!token.find()) {
            throw new AssertionError("no verification token in the mail to " + email);
        }
        return token.group();
    }

    /** The token in the latest invitation mail to {@code email}. */
    public static String invitationToken(MockMailbox mailbox, String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        if (mails == null || mails.isEmpty()) {
            throw new AssertionError("no mail to " + email);
        }
        Matcher token = INVITATION_TOKEN.matcher(mails.get(mails.size() - 1).getText());
        if (!token.find()) {
            throw new AssertionError("no invitation token in the mail to " + email);
        }
        return token.group();
    }

    public static Response acceptInvitation(String token, String password) {
        Map<String, String> body = new HashMap<>();
        body.put("token", token);
        body.put("password", password);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/invitations/accept");
    }

    /** @param part 0 for the header, 1 for the claims */
    public static JsonNode jwtPart(String jwt, int part) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[part]);
            return EventJson.mapper().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
