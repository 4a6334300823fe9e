package io.tradeplex.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A second order-service instance shares the work by Kafka partitions: commands are keyed by user id, so each instance
 * decides the orders of the users whose partitions it owns, and when one instance goes the other takes its users over.
 * The replica is started with the operator's own command ({@code infra/platform replica start order-service}).
 */
class ScaleOutEndToEndTest {
    private static final String SCRIPT = System.getProperty("tradeplex.platform.script", "../infra/platform");
    private static final String FIRST = "http://127.0.0.1:8084";
    private static final String SECOND = "http://127.0.0.1:8184";
    private static final int TRADERS = 16;
    private static final Duration FILL_TIMEOUT = Duration.ofSeconds(60);
    /** tradeplex.order-commands.v1's partitions (infra/kafka/topics.txt). */
    private static final int COMMAND_PARTITIONS = 12;
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?m)^kafka_consumer_coordinator_assigned_partitions\\{client_id=\"kafka-consumer-order-commands[^\"]*\"[^}]*} ([0-9.E]+)$");
    private static final Pattern HANDLED = Pattern.compile("(?m)^tradeplex_order_commands_handled_total(?:\\{[^}]*})? ([0-9.E]+)$");

    private record Trader(Client client, String accountId) {
    }

    @AfterAll
    static void stopReplica() throws Exception {
        platform("stop");
    }

    @Test
    void twoInstancesShareUsersByPartitionAndOneTakesOverWhenTheOtherStops() throws Exception {
        platform("start");
        List<Trader> traders = traders();
        // The replica's consumers join the group: once the rebalance is done the two own all partitions between them.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            int first = commandPartitions(FIRST);
            int second = commandPartitions(SECOND);
            assertThat(first).as("partitions of the first instance").isPositive();
            assertThat(second).as("partitions of the replica").isPositive();
            assertThat(first + second).as("all partitions owned").isEqualTo(COMMAND_PARTITIONS);
        });
        double firstBefore = handled(FIRST);
        double secondBefore = handled(SECOND);

        placeAndAwaitFilled(traders, "shared");

        double firstShare = handled(FIRST) - firstBefore;
        double secondShare = handled(SECOND) - secondBefore;
        assertThat(firstShare + secondShare).as("every command decided once").isGreaterThanOrEqualTo(TRADERS);
        assertThat(firstShare).as("commands decided by the first instance").isPositive();
        assertThat(secondShare).as("commands decided by the replica").isPositive();

        platform("stop");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(commandPartitions(FIRST)).as("partitions of the remaining instance").isEqualTo(COMMAND_PARTITIONS));
        double firstAlone = handled(FIRST);
        placeAndAwaitFilled(traders, "alone");
        assertThat(handled(FIRST) - firstAlone).as("the first instance took over every user").isGreaterThanOrEqualTo(TRADERS);
    }

    private static List<Trader> traders() {
        List<CompletableFuture<Trader>> pending = new ArrayList<>();
        for (int i = 0; i < TRADERS; i++) {
            String name = "scale" + i;
            pending.add(CompletableFuture.supplyAsync(() -> {
                Client client = Client.newTrader(name).register().login();
                String accountId = client.post("/api/v1/me/broker-accounts",
                                Map.of("broker", "paper", "label", name, "capitalUsd", "10000"))
                        .then().statusCode(201).extract().path("accountId");
                return new Trader(client, accountId);
            }));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static void placeAndAwaitFilled(List<Trader> traders, String round) {
        List<String[]> placed = new ArrayList<>();
        for (Trader trader : traders) {
            String orderId = trader.client().post("/api/v1/orders", Map.of("accountId", trader.accountId(),
                            "symbol", "BTC-USD", "side", "BUY", "type", "MARKET", "quantity", "0.0001",
                            "clientOrderId", round))
                    .then().statusCode(202).extract().path("orderId");
            placed.add(new String[]{orderId});
        }
        for (int i = 0; i < traders.size(); i++) {
            Client client = traders.get(i).client();
            String orderId = placed.get(i)[0];
            await().atMost(FILL_TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    client.get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("FILLED")));
        }
    }

    /** How many partitions of the order commands topic this instance's consumers own now. */
    private static int commandPartitions(String instance) {
        String metrics = RestAssured.given().get(instance + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = ASSIGNED.matcher(metrics);
        int owned = 0;
        while (gauge.find()) {
            owned += (int) Double.parseDouble(gauge.group(1));
        }
        return owned;
    }

    /** This instance's count of decided commands, from its own metrics endpoint (not through the gateway). */
    private static double handled(String instance) {
        String metrics = RestAssured.given().get(instance + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = HANDLED.matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    private static void platform(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SCRIPT, "replica", action, "order-service")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("infra/platform replica " + action + " finished").isTrue();
        assertThat(process.exitValue()).as("infra/platform replica " + action).isZero();
    }
}
