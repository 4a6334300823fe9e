package io.tradeplex.auth.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.util.KeyUtils;
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
    void publishesTheVerificationKeyWithItsRfc7638Thumbprint() throws Exception {
        JsonPath jwks = given().get("/api/v1/auth/jwks")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        assertThat(jwks.getList("keys")).hasSize(1);
        Map<String, Object> key = jwks.getMap("keys[0]");
        assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                .containsOnlyKeys("kty", "use", "alg", "kid", "n", "e");

        // An independent implementation (jose4j) reads the published key and computes the thumbprint.
        RsaJsonWebKey parsed = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Map.of("kty", "RSA", "n", key.get("n"), "e", key.get("e")));
        RSAPublicKey expected = (RSAPublicKey) KeyUtils.readPublicKey("test-keys/jwt-public.pem");
        assertThat(parsed.getRsaPublicKey().getModulus()).isEqualTo(expected.getModulus());
        assertThat(parsed.getRsaPublicKey().getPublicExponent()).isEqualTo(expected.getPublicExponent());
        assertThat(key.get("kid")).isEqualTo(parsed.calculateBase64urlEncodedThumbprint("SHA-256"));
    }
}
