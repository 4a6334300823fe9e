package io.tradeplex.auth.deletion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradeplex.auth.AuthApi;
import io.tradeplex.auth.Db;
import io.tradeplex.auth.Events;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.SessionRevoked;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DeletedUsersTest {
    private static final String TOPIC = "test." + Topics.USERS;

    @Inject
    Pool pool;

    @Test
    void aDeletedUserCannotLogInOrRefreshAndEveryLiveSessionIsRevokedOnceHoweverOftenTheStateArrives() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        Response phone = AuthApi.login(email, AuthApi.PASSWORD);
        Response laptop = AuthApi.login(email, AuthApi.PASSWORD);
        given().auth().oauth2(phone.path("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);

        String eventId;
        try (KafkaProbe kafka = new KafkaProbe()) {
            eventId = kafka.send(TOPIC, userId.toString(), state(userId, email, UserState.STATUS_DELETED));
        }
        awaitApplied(eventId);

        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CREDENTIALS"));
        AuthApi.refresh(laptop.path("refreshToken")).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        given().auth().oauth2(laptop.path("accessToken")).get("/api/v1/me/sessions").then().statusCode(401);
        Row before = deletionState(userId);

        // Redelivery of the same record, then a later DELETED state under a new id: neither changes anything.
        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.sendWithId(TOPIC, userId.toString(), eventId, state(userId, email, UserState.STATUS_DELETED));
            awaitApplied(kafka.send(TOPIC, userId.toString(), state(userId, email, UserState.STATUS_DELETED)));
        }
        Row after = deletionState(userId);
        assertThat(after.getOffsetDateTime("deleted_at")).isEqualTo(before.getOffsetDateTime("deleted_at"));
        assertThat(after.getOffsetDateTime("last_revoked_at")).isEqualTo(before.getOffsetDateTime("last_revoked_at"));

        // Logout revoked the phone; deletion revoked the laptop, and only that one.
        List<KafkaProbe.Received> revoked = Events.auth(userId, SessionRevoked.TYPE, 2);
        assertThat(revoked).extracting(event -> EventJson.read(event.value(), SessionRevoked.class).reason())
                .containsExactly("logout", "account-deleted");
        assertThat(EventJson.read(revoked.get(1).value(), SessionRevoked.class).sessionId().toString())
                .isEqualTo(AuthApi.jwtPart(laptop.path("accessToken"), 1).get("sid").asText());
    }

    @Test
    void aDisabledUserOnlyLosesTradingAndKeepsLoggingIn() {
        String email = AuthApi.uniqueEmail();
        UUID userId = AuthApi.registered(email);
        Response session = AuthApi.login(email, AuthApi.PASSWORD);

        try (KafkaProbe kafka = new KafkaProbe()) {
            kafka.send(TOPIC, userId.toString(), state(userId, email, UserState.STATUS_DISABLED));
            // Records of one partition are applied in order: once a deletion that follows on the same partition is
            // applied, the DISABLED record has been seen.
            UUID neighbour = onTheSamePartitionAs(userId);
            awaitApplied(kafka.send(TOPIC, neighbour.toString(), state(neighbour, "gone@example.com", UserState.STATUS_DELETED)));
        }

        AuthApi.login(email, AuthApi.PASSWORD).then().statusCode(200);
        AuthApi.refresh(session.path("refreshToken")).then().statusCode(200);
        assertThat(deletionState(userId).getValue("deleted_at")).isNull();
    }

    private void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.first(Db.lookup(pool,
                "select count(*) from inbox where consumer = 'auth-service-users' and event_id = $1", Tuple.of(eventId)))
                .getLong(0) == 1);
    }

    private Row deletionState(UUID userId) {
        return Db.first(Db.asUser(pool, userId, "select deleted_at,"
                + " (select max(revoked_at) from sessions where user_id = $1) as last_revoked_at"
                + " from accounts where id = $1", Tuple.of(userId)));
    }

    private static UUID onTheSamePartitionAs(UUID userId) {
        int partitions;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.BOOTSTRAP),
                new StringDeserializer(), new StringDeserializer())) {
            partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).size();
        }
        int target = partition(userId, partitions);
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (partition(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    /** The Kafka producer's default partitioner for a keyed record. */
    private static int partition(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static UserState state(UUID userId, String email, String status) {
        return new UserState(UserState.SCHEMA_VERSION, userId, email, "basic", status, true, List.of("trader"), List.of(),
                Instant.now(), false, null, null, null, List.of());
    }
}
