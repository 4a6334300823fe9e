package io.tradeplex.order.broker.kite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tradeplex.order.account.BrokerCredentials;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls to Kite Connect v3 on the Vert.x client, so an answer continues on the caller's context. Every call carries
 * {@code X-Kite-Version: 3} and {@code Authorization: token api_key:access_token}; bodies are form-encoded. Neither the
 * header nor the keys are ever logged.
 */
@ApplicationScoped
public class KiteHttp {
    static final String TOKEN_EXCEPTION = "TokenException";

    /** @param status 0 when no answer came (timeout, broken connection): the outcome is unknown */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && "success".equals(body.path("status").asText());
        }

        public JsonNode data() {
            return body.path("data");
        }

        public String errorType() {
            return body.path("error_type").asText("");
        }

        public String message() {
            return body.path("message").asText("");
        }

        /** No answer or a 5xx (OrderException, DataException, NetworkException): Kite may or may not have acted. */
        public boolean unknownOutcome() {
            return status == 0 || status >= 500;
        }

        /** The session is over (Kite flushes them every morning): nothing works until the user logs in again. */
        public boolean sessionExpired() {
            return status == 403 && TOKEN_EXCEPTION.equals(errorType());
        }
    }

    private final HttpClient client;
    private final KiteConfig config;
    private final ObjectMapper json;

    public KiteHttp(Vertx vertx, KiteConfig config, ObjectMapper json) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setKeepAlive(true));
        this.config = config;
        this.json = json;
    }

    public Uni<Answer> get(String path, BrokerCredentials keys) {
        return send(request(HttpMethod.GET, path, keys), null);
    }

    public Uni<Answer> post(String path, Map<String, String> form, BrokerCredentials keys) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(HttpMethod.POST, path, keys)
                .putHeader("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    private RequestOptions request(HttpMethod method, String path, BrokerCredentials keys) {
        return new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(config.baseUrl() + path)
                .putHeader("X-Kite-Version", "3")
                .putHeader("Authorization", "token " + keys.apiKey() + ":" + keys.accessToken())
                .setTimeout(config.timeout().toMillis());
    }

    private Uni<Answer> send(RequestOptions request, String body) {
        return client.request(request)
                .chain(outgoing -> body == null ? outgoing.send() : outgoing.send(body))
                .chain(response -> response.body().map(answer -> new Answer(response.statusCode(), parse(answer.toString()))))
                .onFailure().recoverWithItem(() -> new Answer(0, json.createObjectNode()));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body.isEmpty() ? "{}" : body);
        } catch (Exception unreadable) {
            return json.createObjectNode();
        }
    }
}
