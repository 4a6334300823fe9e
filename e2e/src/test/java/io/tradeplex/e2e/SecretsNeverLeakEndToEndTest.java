package io.tradeplex.e2e;

import io.tradeplex.contracts.Topics;
import io.tradeplex.testing.KafkaProbe;
import io.tradeplex.testing.brokers.FakeBinance;
import io.tradeplex.testing.brokers.FakeKite;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The vault's promise, checked where a secret could end up: a trader links Binance and Kite accounts with known,
 * unique secrets through the gateway (the running user-service talks to local fake brokers that verify signatures and
 * checksums), orders on them, and then every database of the platform, every service log and every record of every
 * topic is searched for those secrets — in plain, hex and base64 form.
 */
class SecretsNeverLeakEndToEndTest {
    private static final List<String> DATABASES =
            List.of("tradeplex_auth", "tradeplex_user", "tradeplex_strategy", "tradeplex_order", "tradeplex_portfolio");

    @Test
    void noSecretAppearsInAnyDatabaseDumpLogOrTopic() throws Exception {
        String binanceKey = "e2eBnKey" + token();
        String binanceSecret = "e2eBnSecret" + token();
        String kiteKey = "e2eKtKey" + token();
        String kiteSecret = "e2eKtSecret" + token();
        String accessToken;
        try (FakeBinance binance = new FakeBinance(Integer.getInteger("tradeplex.e2e.fake-binance-port", 18901));
             FakeKite kite = new FakeKite(Integer.getInteger("tradeplex.e2e.fake-kite-port", 18902))) {
            binance.register(binanceKey, binanceSecret);
            kite.register(kiteKey, kiteSecret, "ZX" + token().substring(0, 4).toUpperCase());
            Client trader = Client.newTrader("vault").register().login();

            String binanceAccount = trader.post("/api/v1/me/broker-accounts", Map.of("broker", "binance", "label", "Spot",
                            "credentials", Map.of("apiKey", binanceKey, "apiSecret", binanceSecret)))
                    .then().statusCode(201).extract().path("accountId");
            String kiteAccount = trader.post("/api/v1/me/broker-accounts", Map.of("broker", "kite", "label", "Zerodha",
                            "credentials", Map.of("apiKey", kiteKey, "apiSecret", kiteSecret)))
                    .then().statusCode(201).extract().path("accountId");
            String requestToken = kite.issueRequestToken(kiteKey);
            trader.post("/api/v1/me/broker-accounts/" + kiteAccount + "/kite-session", Map.of("requestToken", requestToken))
                    .then().statusCode(200).body("status", equalTo("READY"));
            accessToken = kite.accessTokenIssuedFor(requestToken);
            assertThat(accessToken).isNotBlank();

            String listed = trader.get("/api/v1/me/broker-accounts").then().statusCode(200)
                    .body(not(containsString(binanceSecret))).extract().asString();
            assertThat(listed).doesNotContain(kiteSecret).doesNotContain(accessToken).doesNotContain(binanceKey);
            // A bad key pair is refused without echoing it.
            trader.post("/api/v1/me/broker-accounts", Map.of("broker", "binance", "label", "Wrong",
                            "credentials", Map.of("apiKey", binanceKey, "apiSecret", binanceSecret + "x")))
                    .then().statusCode(422).body(not(containsString(binanceSecret)));
            for (String account : List.of(binanceAccount, kiteAccount)) {
                trader.post("/api/v1/orders", Map.of("accountId", account, "symbol", "BTC-USD", "side", "BUY",
                        "type", "LIMIT", "quantity", "0.0001", "limitPrice", "1000", "clientOrderId", "vault-" + UUID.randomUUID()));
            }
        }
        // Give the outboxes and consumers time to write everything they will write about this.
        Thread.sleep(3000);

        List<String> secrets = new ArrayList<>();
        for (String secret : List.of(binanceSecret, kiteSecret, accessToken)) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            secrets.addAll(List.of(secret, HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes)));
        }

        for (String database : DATABASES) {
            String dump = pgDump(database);
            assertThat(dump).as("dump of " + database).isNotBlank();
            secrets.forEach(secret -> assertThat(dump).as("dump of " + database).doesNotContain(secret));
        }
        String userDump = pgDump("tradeplex_user");
        assertThat(userDump).as("the credentials are in the dump, sealed").contains("broker_credentials").doesNotContain(binanceKey);

        Path logs = Path.of(System.getProperty("tradeplex.state.dir", ".platform"), "logs");
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> serviceLogs = files.filter(file -> file.toString().endsWith(".log")).toList();
            assertThat(serviceLogs).hasSizeGreaterThanOrEqualTo(6);
            for (Path log : serviceLogs) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                secrets.forEach(secret -> assertThat(text).as(log.toString()).doesNotContain(secret));
            }
        }

        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-leak-scan-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(info ->
                        partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    StringBuilder text = new StringBuilder();
                    if (record.key() != null) {
                        text.append(new String(record.key(), StandardCharsets.UTF_8));
                    }
                    if (record.value() != null) {
                        text.append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    for (Header header : record.headers()) {
                        text.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    String seen = text.toString();
                    secrets.forEach(secret -> assertThat(seen).as(record.topic()).doesNotContain(secret));
                    assertThat(seen).as(record.topic()).doesNotContain(binanceKey).doesNotContain(kiteKey);
                }
            }
            assertThat(caughtUp(consumer, end)).as("read every topic to its end").isTrue();
        }
        assertThat(records).as("records scanned").isPositive();
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    /** As the superuser: the owner role is bound by the forced row-level security and would dump no user rows. */
    private static String pgDump(String database) throws IOException, InterruptedException {
        Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U",
                System.getProperty("tradeplex.e2e.dump-role", "postgres"), database)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> !dump.isAlive());
        assertThat(dump.exitValue()).as("pg_dump " + database).isZero();
        return text;
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
