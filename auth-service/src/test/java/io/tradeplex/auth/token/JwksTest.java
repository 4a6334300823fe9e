package io.tradeplex.auth.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.util.KeyUtils;
import io.tradeplex.auth.AuthApi;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class JwksTest {

    @Test
    void publishesTheCurrentKeyFirstWithItsRfc7638Thumbprint() throws Exception {
        JsonPath jwks = jwks();
        Map<String, Object> key = jwks.getMap("keys[0]");
        assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                .containsOnlyKeys("kty", "use", "alg", "kid", "n", "e");

        // An independent implementation (jose4j) reads the published key and computes the thumbprint.
        RsaJsonWebKey parsed = parse(key);
        RSAPublicKey expected = (RSAPublicKey) KeyUtils.readPublicKey("test-keys/jwt-public.pem");
        assertThat(parsed.getRsaPublicKey().getModulus()).isEqualTo(expected.getModulus());
        assertThat(parsed.getRsaPublicKey().getPublicExponent()).isEqualTo(expected.getPublicExponent());
        assertThat(key.get("kid")).isEqualTo(parsed.calculateBase64urlEncodedThumbprint("SHA-256"));
    }

    @Test
    void duringARotationBothLiveKeysArePublishedAndTokensAreSignedWithTheCurrentOne() throws Exception {
        JsonPath jwks = jwks();
        assertThat(jwks.getList("keys")).hasSize(2);
        Map<String, Object> next = jwks.getMap("keys[1]");
        RsaJsonWebKey parsed = parse(next);
        RSAPublicKey expected = (RSAPublicKey) KeyUtils.readPublicKey("rotation-keys/jwt-next-public.pem");
        assertThat(parsed.getRsaPublicKey().getModulus()).isEqualTo(expected.getModulus());
        assertThat(next.get("kid")).isEqualTo(parsed.calculateBase64urlEncodedThumbprint("SHA-256"))
                .isNotEqualTo(jwks.getString("keys[0].kid"));

        String email = AuthApi.uniqueEmail();
        AuthApi.registered(email);
        String accessToken = AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200).extract().path("accessToken");
        assertThat(AuthApi.jwtPart(accessToken, 0).get("kid").asText()).isEqualTo(jwks.getString("keys[0].kid"));
    }

    private static JsonPath jwks() {
        return given().get("/api/v1/auth/jwks")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static RsaJsonWebKey parse(Map<String, Object> key) throws Exception {
        return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Map.of("kty", "RSA", "n", key.get("n"), "e", key.get("e")));
    }
}
