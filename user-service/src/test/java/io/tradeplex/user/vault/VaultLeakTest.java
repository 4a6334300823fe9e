package io.tradeplex.user.vault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradeplex.contracts.Topics;
import io.tradeplex.kit.internal.ServiceSignature;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.user.brokers.BrokerFakes;
import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.testing.brokers.FakeKite;
import io.tradeplex.user.support.CapturedLog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.tradeplex.user.support.Linking.ACCOUNTS;
import static io.tradeplex.user.support.Linking.as;
import static io.tradeplex.user.support.Linking.link;
import static io.tradeplex.user.support.Linking.startKiteSession;
import static io.tradeplex.user.support.Linking.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted secrets, used on every path that handles them (linking, a refused key, a Kite login and a refused one, the
 * internal call, deletion), never appear in a full database dump, on any test topic or in the service's log.
 */
@QuarkusTest
@QuarkusTestResource(BrokerFakes.class)
class VaultLeakTest {
    /**
     * Row-level security is forced on the tables' owner too, so only a superuser dumps every row; pg_dump as the
     * owner fails rather than dumping less.
     */
    private static final String DUMP_ROLE = System.getProperty("tradeplex.test.dump-role", "postgres");
    /** The log files Quarkus writes in tests, if any; the captured records are the authoritative check. */
    private static final Path TARGET = Path.of("target");

    @BrokerFakes.Fake
    FakeBinance binance;
    @BrokerFakes.Fake
    FakeKite kite;
    @ConfigProperty(name = "tradeplex.database")
    String database;

    @Test
    void noSecretReachesTheDatabaseInClearTheTopicsOrTheLog() throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            exerciseAndSearch(log);
        }
    }

    private void exerciseAndSearch(CapturedLog log) throws Exception {
        UUID user = UUID.randomUUID();
        String binanceKey = unique("canaryBinanceKey");
        String binanceSecret = unique("canaryBinanceSecret");
        String kiteKey = unique("canaryKiteKey");
        String kiteSecret = unique("canaryKiteSecret");
        String refusedSecret = unique("canaryRefusedSecret");
        binance.register(binanceKey, binanceSecret);
        kite.register(kiteKey, kiteSecret, "KL2345");

        String binanceAccount = link(user, "binance", binanceKey, binanceSecret);
        given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", "binance", "label", "Refused", "credentials", Map.of("apiKey", binanceKey, "apiSecret", refusedSecret)))
                .post(ACCOUNTS).then().statusCode(422);
        String kiteAccount = link(user, "kite", kiteKey, kiteSecret);
        String requestToken = kite.issueRequestToken(kiteKey);
        startKiteSession(user, kiteAccount, requestToken);
        String accessToken = kite.accessTokenIssuedFor(requestToken);
        given().spec(as(user)).contentType(ContentType.JSON).body(Map.of("requestToken", requestToken))
                .post(ACCOUNTS + "/" + kiteAccount + "/kite-session").then().statusCode(422);
        given().spec(as(user)).contentType(ContentType.JSON)
                .body(Map.of("broker", "kite", "label", "No secret", "credentials", Map.of("apiKey", kiteKey)))
                .post(ACCOUNTS).then().statusCode(400);
        internalCall(user, kiteAccount);
        String deleted = link(user, "binance", binanceKey, binanceSecret);
        given().spec(as(user)).delete(ACCOUNTS + "/" + deleted).then().statusCode(204);

        List<String> secrets = List.of(binanceSecret, kiteSecret, refusedSecret, accessToken, requestToken);
        List<String> keys = List.of(binanceKey, kiteKey);
        try (KafkaProbe kafka = new KafkaProbe()) {
            // The last change's state record is out, so the outbox has drained everything before it.
            assertThat(kafka.await("test." + Topics.USERS, user.toString(), record -> true, 5, Duration.ofSeconds(30)))
                    .hasSize(5);
        }

        String dump = dump();
        assertThat(dump).as("the dump holds the test's rows").contains(binanceAccount).contains(kiteAccount)
                .contains(Hints.ofApiKey(binanceKey)).contains("KL2345");
        assertAbsent("the database dump", dump, secrets, keys);
        assertAbsent("the test topics", allTestTopics(), secrets, keys);
        assertThat(log.text()).as("the captured log saw this test's requests").contains(user.toString())
                .contains("Kite refused the session exchange");
        assertAbsent("the service log", log.text(), secrets, keys);
        try (var files = Files.list(TARGET)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".log")).toList()) {
                assertAbsent(file.toString(), Files.readString(file, StandardCharsets.UTF_8), secrets, keys);
            }
        }
    }

    /** In clear, and as the hex and base64 a bytea column or a JSON byte array would show. */
    private static void assertAbsent(String where, String text, List<String> secrets, List<String> keys) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(keys);
        for (String value : all) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            assertThat(text).as(where).doesNotContain(value)
                    .doesNotContain(HexFormat.of().formatHex(bytes))
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(bytes));
        }
    }

    private String dump() throws IOException, InterruptedException {
        Path out = Files.createTempFile("uservault-dump", ".sql");
        try {
            Process process = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", DUMP_ROLE, "--no-password",
                    database + "_test").redirectOutput(out.toFile()).redirectErrorStream(false).start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("pg_dump: " + errors).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Every record of every test topic: values, keys and headers, read to the end offsets of this moment. */
    private static String allTestTopics() throws Exception {
        StringBuilder seen = new StringBuilder();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.BOOTSTRAP));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.BOOTSTRAP,
                     ConsumerConfig.GROUP_ID_CONFIG, "leak-probe-" + UUID.randomUUID(),
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith("test.")).sorted().toList();
            assertThat(topics).contains("test." + Topics.USERS, "test." + Topics.AUDIT);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                assertThat(System.nanoTime()).as("read every test topic to its end in time").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    append(seen, record.key());
                    append(seen, record.value());
                    for (Header header : record.headers()) {
                        append(seen, header.value());
                    }
                }
            }
        }
        return seen.toString();
    }

    private static void append(StringBuilder seen, byte[] bytes) {
        if (bytes != null) {
            seen.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
        }
    }

    private static void internalCall(UUID user, String accountId) {
        String path = "/internal/v1/users/" + user + "/broker-accounts/" + accountId + "/credentials";
        long now = System.currentTimeMillis();
        given().header(ServiceSignature.CALLER_HEADER, "order-service")
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(
                        "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8),
                        "order-service", now, "GET", path))
                .get(path).then().statusCode(200);
    }
}
