package io.tradeplex.user.brokeraccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.EventJson;
import io.tradeplex.contracts.EventSchemas;
import io.tradeplex.contracts.Topics;
import io.tradeplex.contracts.audit.AuditEvent;
import io.tradeplex.contracts.users.UserState;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.tradeplex.user.support.Linking.ACCOUNTS;
import static io.tradeplex.user.support.Linking.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Operators pin an account's egress; order-service learns it from the published state. */
@QuarkusTest
class AccountEgressTest {
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static KafkaProbe kafka;

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaProbe();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void anAdminPinsAndClearsAnAccountsEgressWhichIsPublishedAndAudited() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String account = paperAccount(trader);

        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON)
                .body(Map.of("proxy", "http://10.0.0.5:3128", "sourceAddress", "10.0.0.17"))
                .put(egress(trader, account)).then().statusCode(200)
                .body("accountId", equalTo(account)).body("proxy", equalTo("http://10.0.0.5:3128"))
                .body("sourceAddress", equalTo("10.0.0.17"));
        UserState pinned = state(trader, s -> s.accounts().stream().anyMatch(a -> a.egress() != null));
        assertThat(pinned.accounts()).singleElement().satisfies(a ->
                assertThat(a.egress()).isEqualTo(new UserState.Egress("http://10.0.0.5:3128", "10.0.0.17")));

        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body(Map.of("sourceAddress", "fd00::17"))
                .put(egress(trader, account)).then().statusCode(200)
                .body("proxy", nullValue()).body("sourceAddress", equalTo("fd00::17"));
        given().auth().oauth2(admin(admin)).delete(egress(trader, account)).then().statusCode(200)
                .body("proxy", nullValue()).body("sourceAddress", nullValue());
        assertThat(state(trader, s -> s.accounts().size() == 1 && s.accounts().get(0).egress() == null
                && s.updatedAt().isAfter(pinned.updatedAt()))).isNotNull();

        List<String> inUsersLog = actions(trader, 3);
        assertThat(inUsersLog).containsExactly("admin.broker-account.egress.set", "admin.broker-account.egress.set",
                "admin.broker-account.egress.clear");
        assertThat(actions(admin, 3)).containsExactlyElementsOf(inUsersLog);
    }

    @Test
    void invalidRoutesAreRefusedFieldByFieldAndNothingChanges() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        String account = paperAccount(trader);
        String path = egress(trader, account);

        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body("{}").put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("proxy", "sourceAddress"));
        for (String proxy : List.of("http://user:secret@10.0.0.5:3128", "ftp://10.0.0.5:21", "http://10.0.0.5",
                "http://10.0.0.5:3128/path", "http://10.0.0.5:70000")) {
            given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body(Map.of("proxy", proxy)).put(path)
                    .then().statusCode(400).body("errors.field", hasItem("proxy"));
        }
        for (String address : List.of("example.com", "abc", "300.1.1.1", "0.0.0.0", "224.0.0.1")) {
            given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body(Map.of("sourceAddress", address))
                    .put(path).then().statusCode(400).body("errors.field", hasItem("sourceAddress"));
        }
        given().auth().oauth2(admin(admin)).get(path).then().statusCode(200)
                .body("proxy", nullValue()).body("sourceAddress", nullValue());
    }

    @Test
    void onlyAdministratorsMayPinAndOtherUsersAccountsAreNotFound() {
        UUID admin = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String account = paperAccount(trader);
        Map<String, String> body = Map.of("sourceAddress", "10.0.0.17");

        given().auth().oauth2(TestTokens.trader(trader)).contentType(ContentType.JSON).body(body)
                .put(egress(trader, account)).then().statusCode(403).body("code", equalTo("PERMISSION_MISSING"));
        given().auth().oauth2(TestTokens.trader(trader)).delete(egress(trader, account)).then().statusCode(403);
        given().auth().oauth2(admin(admin)).contentType(ContentType.JSON).body(body)
                .put(egress(other, account)).then().statusCode(404);
        given().auth().oauth2(admin(admin)).get(egress(trader, account)).then().statusCode(200)
                .body("sourceAddress", nullValue());
    }

    private static String paperAccount(UUID user) {
        return given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("broker", "paper", "label", "Paper"))
                .post(ACCOUNTS).then().statusCode(201).extract().path("accountId");
    }

    private static String egress(UUID user, String account) {
        return "/api/v1/admin/users/" + user + "/broker-accounts/" + account + "/egress";
    }

    private static String admin(UUID admin) {
        return TestTokens.forUser(admin, Set.of("admin", "trader"));
    }

    private static List<String> actions(UUID logOf, int count) {
        return kafka.await("test." + Topics.AUDIT, logOf.toString(),
                        record -> record.value().contains("admin.broker-account.egress."), count, EVENT_TIMEOUT).stream()
                .map(record -> EventJson.read(record.value(), AuditEvent.class).action()).toList();
    }

    private static UserState state(UUID userId, Predicate<UserState> until) {
        List<KafkaProbe.Received> states = kafka.await("test." + Topics.USERS, userId.toString(),
                record -> UserState.TYPE.equals(record.type()) && until.test(EventJson.read(record.value(), UserState.class)),
                1, EVENT_TIMEOUT);
        assertThat(states).isNotEmpty();
        assertThat(EventSchemas.violations(UserState.TYPE, states.get(0).value())).isEmpty();
        return EventJson.read(states.get(0).value(), UserState.class);
    }
}
