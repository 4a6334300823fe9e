package io.tradeplex.auth;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tradeplex.kit.internal.ServiceSignature;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** auth-service's internal endpoints as user-service calls them: signed with the %test internal secret. */
public final class InternalApi {
    public static final String IMPORT_PATH = "/internal/v1/accounts/import";
    private static final byte[] SECRET = "test-internal-secret-do-not-use-in-production".getBytes(StandardCharsets.UTF_8);

    private InternalApi() {
    }

    public static RequestSpecification signedAs(String caller, String method, String pathAndQuery) {
        long now = System.currentTimeMillis();
        return given()
                .header(ServiceSignature.CALLER_HEADER, caller)
                .header(ServiceSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ServiceSignature.SIGNATURE_HEADER, ServiceSignature.sign(SECRET, caller, now, method, pathAndQuery));
    }

    public static Response importRows(UUID importedBy, List<Map<String, Object>> rows) {
        return signedAs("user-service", "POST", IMPORT_PATH).contentType(ContentType.JSON)
                .body(Map.of("importedBy", importedBy.toString(), "rows", rows))
                .post(IMPORT_PATH);
    }

    /** A row with the given fields; null values are sent as JSON null. */
    public static Map<String, Object> row(int row, String email, Object... fieldsAndValues) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("row", row);
        fields.put("email", email);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields;
    }

    /** Imports one plain trader and returns their user id. */
    public static UUID imported(String email) {
        String userId = importRows(UUID.randomUUID(), List.of(row(1, email)))
                .then().statusCode(200).extract().path("results[0].userId");
        if (userId == null) {
            throw new AssertionError("the import of " + email + " did not create an account");
        }
        return UUID.fromString(userId);
    }
}
