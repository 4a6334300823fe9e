package io.tradeplex.user.profile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuthEventsTest {
    private static final String TOPIC = "test." + Topics.AUTH;
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static KafkaProbe kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void anEmailVerifiedEventMarksTheUserOnceAndPublishesTheirState() {
        UUID userId = UUID.randomUUID();
        String token = TestTokens.trader(userId);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("emailVerified", equalTo(false));

        kafka.send(TOPIC, userId.toString(), new io.tradeplex.contracts.auth.EmailVerified(1, userId,
                userId + "@example.test", Instant.now()));

        await().atMost(EVENT_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/me").then().body("emailVerified", equalTo(true)));
        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, userId.toString(),
                record -> record.value().contains("\"emailVerified\":true"), 1, EVENT_TIMEOUT);
        assertThat(states).hasSize(1);
    }

    @Test
    void aRegistrationEventCreatesTheUser() {
        UUID userId = UUID.randomUUID();
        kafka.send(TOPIC, userId.toString(), registered(userId, "ana@example.com", "Ana", List.of("trader")));

        await().atMost(EVENT_TIMEOUT).until(() -> userRow(userId) != null);
        Row row = userRow(userId);
        assertThat(row.getString("email")).isEqualTo("ana@example.com");
        assertThat(row.getString("display_name")).isEqualTo("Ana");
        assertThat(row.getString("tier")).isEqualTo("basic");
        assertThat(row.getString("status")).isEqualTo("ACTIVE");

        given().auth().oauth2(TestTokens.trader(userId)).get("/api/v1/me")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("userId", equalTo(userId.toString()))
                .body("email", equalTo("ana@example.com"))
                .body("displayName", equalTo("Ana"))
                .body("tier", equalTo("basic"))
                .body("status", equalTo("ACTIVE"))
                .body("roles", contains("trader"))
                .body("activeAccountId", nullValue());
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID userId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        kafka.sendWithId(TOPIC, userId.toString(), eventId, registered(userId, "bob@example.com", "Bob", List.of("trader")));
        await().atMost(EVENT_TIMEOUT).until(() -> userRow(userId) != null);
        Instant updatedAt = userRow(userId).getOffsetDateTime("updated_at").toInstant();

        // A redelivery carries the same ce_id; its payload is altered here only so that applying it would show.
        kafka.sendWithId(TOPIC, userId.toString(), eventId, registered(userId, "bob@example.com", "Robert", List.of("admin")));
        // A marker on the same key, so the same partition: once it is applied, the redelivery before it was consumed.
        UUID markerUser = UUID.randomUUID();
        kafka.send(TOPIC, userId.toString(), registered(markerUser, "marker@example.com", "Marker", List.of("trader")));
        await().atMost(EVENT_TIMEOUT).until(() -> userRow(markerUser) != null);

        Row row = userRow(userId);
        assertThat(row.getString("display_name")).isEqualTo("Bob");
        assertThat(row.getArrayOfStrings("roles")).containsExactly("trader");
        assertThat(row.getOffsetDateTime("updated_at").toInstant()).isEqualTo(updatedAt);
        assertThat(pool.preparedQuery("select count(*) from inbox where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void meWorksBeforeTheEventArrivesAndTheLateEventKeepsWhatTheServiceOwns() {
        UUID userId = UUID.randomUUID();
        String token = TestTokens.trader(userId);
        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo(userId.toString()))
                .body("email", equalTo(userId + "@example.test"))
                .body("tier", equalTo("basic"))
                .body("status", equalTo("ACTIVE"))
                .body("roles", contains("trader"));
        String accountId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("broker", "paper", "label", "Main"))
                .post("/api/v1/me/broker-accounts")
                .then().statusCode(201).extract().path("accountId");

        kafka.send(TOPIC, userId.toString(), registered(userId, "late@example.com", "Late Event", List.of("trader")));
        await().atMost(EVENT_TIMEOUT).until(() -> "late@example.com".equals(userRow(userId).getString("email")));

        given().auth().oauth2(token).get("/api/v1/me")
                .then().statusCode(200)
                .body("displayName", equalTo("Late Event"))
                .body("tier", equalTo("basic"))
                .body("status", equalTo("ACTIVE"))
                .body("activeAccountId", equalTo(accountId));
    }

    @Test
    void meNeedsAValidToken() {
        given().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID())).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static UserRegistered registered(UUID userId, String email, String name, List<String> roles) {
        return new UserRegistered(UserRegistered.SCHEMA_VERSION, userId, email, name, roles,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private Row userRow(UUID userId) {
        // As the user: row-level security shows a transaction only the rows of the user it names.
        RowSet<Row> rows = pool.withTransaction(connection -> connection
                        .preparedQuery("select set_config('app.user_id', $1, true)").execute(Tuple.of(userId.toString()))
                        .chain(() -> connection.preparedQuery(
                                        "select email, display_name, roles, tier, status, updated_at from users where id = $1")
                                .execute(Tuple.of(userId))))
                .await().atMost(Duration.ofSeconds(10));
        return rows.iterator().hasNext() ? rows.iterator().next() : null;
    }
}
