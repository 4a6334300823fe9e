package io.tradeplex.order.broker.kite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tradeplex.order.account.BrokerCredentials;
import io.tradeplex.order.broker.traffic.BrokerCall;
import io.tradeplex.order.broker.traffic.BrokerTraffic;
import io.tradeplex.order.broker.traffic.BrokerTrafficException;
import io.tradeplex.order.broker.traffic.OutgoingRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls to Kite Connect v3 through {@link BrokerTraffic} (Kite's rate limits, the account's breaker and egress); an
 * answer continues on the caller's context. Every call carries {@code X-Kite-Version: 3} and
 * {@code Authorization: token api_key:access_token}; bodies are form-encoded. Neither the header nor the keys are ever
 * logged.
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

    private final BrokerTraffic traffic;
    private final KiteConfig config;
    private final ObjectMapper json;

    public KiteHttp(BrokerTraffic traffic, KiteConfig config, ObjectMapper json) {
        this.traffic = traffic;
        this.config = config;
        this.json = json;
    }

    /** A read. One that could not be sent at all (open breaker, long queue) is no answer, like one that timed out. */
    public Uni<Answer> get(BrokerCall call, String path, BrokerCredentials keys) {
        return send(call, HttpMethod.GET, path, keys, null)
                .onFailure(BrokerTrafficException.class).recoverWithItem(refusal -> noAnswer());
    }

    /** Fails with {@link BrokerTrafficException} when the call was not sent at all. */
    public Uni<Answer> post(BrokerCall call, String path, Map<String, String> form, BrokerCredentials keys) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(call, HttpMethod.POST, path, keys, body);
    }

    /** Fails with {@link BrokerTrafficException} when the call was not sent at all. */
    public Uni<Answer> delete(BrokerCall call, String path, BrokerCredentials keys) {
        return send(call, HttpMethod.DELETE, path, keys, null);
    }

    private Uni<Answer> send(BrokerCall call, HttpMethod method, String path, BrokerCredentials keys, String body) {
        return traffic.exchange(call, () -> {
                    RequestOptions request = new RequestOptions()
                            .setMethod(method)
                            .setAbsoluteURI(config.baseUrl() + path)
                            .putHeader("X-Kite-Version", "3")
                            .putHeader("Authorization", "token " + keys.apiKey() + ":" + keys.accessToken())
                            .setTimeout(config.timeout().toMillis());
                    if (body != null) {
                        request.putHeader("Content-Type", "application/x-www-form-urlencoded");
                    }
                    return new OutgoingRequest(request, body);
                })
                .map(answer -> new Answer(answer.status(), answer.json(json)));
    }

    private Answer noAnswer() {
        return new Answer(0, json.createObjectNode());
    }
}
