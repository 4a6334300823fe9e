package io.tradeplex.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Bulk onboarding through the gateway, with the real auth-service creating the accounts. */
class BulkImportEndToEndTest {

    @Test
    void aThousandRowImportWithTenBadRowsLandsExactlyTheNineHundredNinetyGoodOnesAndARetryCreatesNothing() {
        Client admin = Client.admin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("email,displayName,tier,maxPositionSizeUsd,allowedSymbols,tradeOnly\n");
        List<Integer> badRows = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            String email = "imp-" + run + "-" + i + "@e2e.tradeplex.test";
            switch (i % 100) {
                case 7 -> {     // rows 7, 107, … 907: ten faults of four kinds
                    badRows.add(i);
                    switch ((i / 100) % 4) {
                        case 0 -> csv.append("not-an-email-").append(i).append(",Bad,basic,,,\n");
                        case 1 -> csv.append(email).append(",Bad,platinum,,,\n");
                        case 2 -> csv.append(email).append(",Bad,basic,75,,\n");
                        default -> csv.append("imp-").append(run).append("-1@e2e.tradeplex.test,Duplicate,basic,,,\n");
                    }
                }
                default -> csv.append(email).append(",Imported ").append(i).append(',')
                        .append(i % 3 == 0 ? "pro,150,BTC-USD;SOL-USD,true\n" : "basic,,,\n");
            }
        }

        long started = System.nanoTime();
        Response report = importAndWait(admin, csv.toString());
        System.out.printf("e2e: importing 1,000 users took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        report.then().body("status", equalTo("DONE"))
                .body("total", equalTo(1000)).body("created", equalTo(990)).body("failed", equalTo(10));
        List<Integer> failed = report.path("rows.findAll { it.status == 'FAILED' }.row");
        assertThat(failed).containsExactlyElementsOf(badRows);
        List<List<Object>> faults = report.path("rows.findAll { it.status == 'FAILED' }.errors");
        assertThat(faults).allSatisfy(errors -> assertThat(errors).isNotEmpty());

        // Every created user's profile is built from its registration event, tier and limits included.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(countUsers(admin, "imp-" + run + "-")).isEqualTo(990));
        String proUser = report.path("rows.find { it.row == 3 }.userId");
        admin.get("/api/v1/admin/users/" + proUser).then().statusCode(200)
                .body("tier", equalTo("pro")).body("limits.maxPositionSizeUsd", equalTo("150"))
                .body("limits.tradeOnly", equalTo(true)).body("limits.allowedSymbols", equalTo(List.of("BTC-USD", "SOL-USD")));

        // The same file again: every good row already exists, so nothing is created twice.
        importAndWait(admin, csv.toString()).then().body("status", equalTo("DONE"))
                .body("created", equalTo(0)).body("failed", equalTo(1000));
        assertThat(countUsers(admin, "imp-" + run + "-")).isEqualTo(990);

        Client.newTrader("not-admin").register().login().authed().contentType("text/csv").body("email\nx@e2e.tradeplex.test\n")
                .post("/api/v1/admin/users/import").then().statusCode(403);
    }

    /** An import runs in the background: 202 with its location, then the report once it is done. */
    private static Response importAndWait(Client admin, String csv) {
        String location = admin.authed().contentType("text/csv").body(csv).post("/api/v1/admin/users/import")
                .then().statusCode(202).body("status", equalTo("RUNNING")).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                !"RUNNING".equals(admin.get(location).then().statusCode(200).extract().path("status")));
        return admin.get(location);
    }

    private static int countUsers(Client admin, String query) {
        int total = 0;
        for (int page = 0; ; page++) {
            List<Object> users = admin.authed().queryParams(Map.of("query", query, "page", page, "size", 200))
                    .get("/api/v1/admin/users").then().statusCode(200).extract().path("$");
            total += users.size();
            if (users.size() < 200) {
                return total;
            }
        }
    }
}
