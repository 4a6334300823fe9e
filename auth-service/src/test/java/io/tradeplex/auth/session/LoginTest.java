package io.tradeplex.auth.session;

import io.tradeplex.auth.Db;
import com.fasterxml.jackson.databind.JsonNode;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.util.KeyUtils;
import io.tradeplex.auth.AuthApi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class LoginTest {
    @Inject
    Pool pool;

    @Test
    void loginAnswersAnRs256AccessTokenWithTheAgreedClaimsAndAnOpaqueRefreshToken() throws Exception {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);

        Response response = AuthApi.login(email, AuthApi.PASSWORD);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900));
        String accessToken = response.path("accessToken");
        String refreshToken = response.path("refreshToken");

        JsonNode header = AuthApi.jwtPart(accessToken, 0);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        String jwksKid = given().get("/api/v1/auth/jwks").then().statusCode(200).extract().path("keys[0].kid");
        assertThat(header.get("kid").asText()).isEqualTo(jwksKid);

        JsonNode claims = AuthApi.jwtPart(accessToken, 1);
        assertThat(claims.get("iss").asText()).isEqualTo("https://tradeplex.io/auth");
        assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText())
                .isEqualTo("tradeplex");
        assertThat(claims.get("sub").asText()).isEqualTo(userId.toString());
        long iat = claims.get("iat").asLong();
        assertThat(iat).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 5);
        assertThat(claims.get("exp").asLong() - iat).isEqualTo(900);
        assertThat(UUID.fromString(claims.get("jti").asText())).isNotNull();
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("trader");
        assertThat(claims.get("email").asText()).isEqualTo(email);
        assertThat(claims.get("name").asText()).isEqualTo(email.substring(0, email.indexOf('@')));
        assertThat(UUID.fromString(claims.get("sid").asText())).isNotNull();

        PublicKey testPublicKey = KeyUtils.readPublicKey("test-keys/jwt-public.pem");
        assertThat(signatureValid(accessToken, testPublicKey)).isTrue();

        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(refreshToken)).hasSize(32);
    }

    @Test
    void twoLoginsGetDifferentTokenIdsAndSessions() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        JsonNode first = AuthApi.jwtPart(AuthApi.login(email, AuthApi.PASSWORD).path("accessToken"), 1);
        JsonNode second = AuthApi.jwtPart(AuthApi.login(email, AuthApi.PASSWORD).path("accessToken"), 1);
        assertThat(first.get("jti")).isNotEqualTo(second.get("jti"));
        assertThat(first.get("sid")).isNotEqualTo(second.get("sid"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        // The same request id on both, so the two bodies can be compared byte for byte.
        String wrongPassword = AuthApi.from(AuthApi.uniqueAddress()).header("X-Request-Id", "same-request-id")
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "not the password at all"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CREDENTIALS"))
                .extract().asString();
        String unknownEmail = AuthApi.from(AuthApi.uniqueAddress()).header("X-Request-Id", "same-request-id")
                .contentType(ContentType.JSON)
                .body(Map.of("email", AuthApi.uniqueEmail(), "password", "not the password at all"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .extract().asString();

        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void aLoginWithoutPasswordIsAValidationProblem() {
        given().contentType(ContentType.JSON).body(Map.of("email", AuthApi.uniqueEmail()))
                .post("/api/v1/auth/login")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("password"));
    }

    @Test
    void aHashWithWeakerParametersIsUpgradedAtTheNextLogin() {
        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        String legacy = Password.hash(AuthApi.PASSWORD).addRandomSalt(16)
                .with(Argon2Function.getInstance(4096, 1, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13)).getResult();
        UUID userId = Db.lookup(pool, "select id from accounts where email = $1", Tuple.of(email)).iterator().next().getUUID(0);
        Db.asUser(pool, userId, "update accounts set password_hash = $1 where id = $2", Tuple.of(legacy, userId));

        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200);

        String upgraded = Db.asUser(pool, userId, "select password_hash from accounts where id = $1", Tuple.of(userId))
                .iterator().next().getString(0);
        assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200);
    }

    private static boolean signatureValid(String jwt, PublicKey key) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
