package io.tradeplex.gateway.security;

import io.tradeplex.gateway.TestSigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which JWKS entries may ever verify a token. */
class JwksClientTest {
    private static final TestSigningKey KEY = TestSigningKey.generate("good");

    private static JsonObject entry() {
        return new JsonObject(TestSigningKey.jwks(KEY)).getJsonArray("keys").getJsonObject(0);
    }

    private static JsonObject set(JsonObject... entries) {
        return new JsonObject().put("keys", new JsonArray(List.of((Object[]) entries)));
    }

    @Test
    void anRs256SigningKeyWithAKidIsKept() {
        assertThat(JwksClient.usableKeys(set(entry()))).containsEntry("good", KEY.publicKey());
    }

    @Test
    void entriesForAnotherUseOrAlgorithmOrWithoutKidAreLeftOut() {
        JsonObject usable = entry().put("kid", "usable");
        assertThat(JwksClient.usableKeys(set(usable,
                entry().put("kid", "encryption").put("use", "enc"),
                entry().put("kid", "other-alg").put("alg", "RS512"),
                entry().put("kid", "symmetric").put("kty", "oct"),
                entry().put("kid", "broken").put("n", "!!!"),
                entry().putNull("kid")))).containsOnlyKeys("usable");
    }

    @Test
    void aKeyShorterThan2048BitsIsLeftOut() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        TestSigningKey weak = new TestSigningKey("weak", (RSAPublicKey) generator.generateKeyPair().getPublic(), null);
        JsonObject weakEntry = new JsonObject(TestSigningKey.jwks(weak)).getJsonArray("keys").getJsonObject(0);

        assertThat(JwksClient.usableKeys(set(entry(), weakEntry))).containsOnlyKeys("good");
    }

    @Test
    void aSetWithoutAnyUsableKeyIsAFailedFetch() {
        assertThatThrownBy(() -> JwksClient.usableKeys(set(entry().put("use", "enc")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwksClient.usableKeys(new JsonObject())).isInstanceOf(IllegalArgumentException.class);
    }
}
