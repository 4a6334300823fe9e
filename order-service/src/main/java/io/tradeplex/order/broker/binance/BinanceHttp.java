package io.tradeplex.order.broker.binance;

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

import java.util.Map;

/**
 * Signed calls to Binance Spot on the Vert.x client, so an answer continues on the caller's context. Keys come in per
 * call and are never logged: neither the request line (it carries the signature) nor the key header.
 */
@ApplicationScoped
public class BinanceHttp {
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";

    /** @param status 0 when no answer came (timeout, broken connection): the outcome is unknown */
    public record Answer(int status, JsonNode body) {
        public int code() {
            return body.path("code").asInt(0);
        }

        public String message() {
            return body.path("msg").asText("");
        }
    }

    private final HttpClient client;
    private final BinanceConfig config;
    private final ObjectMapper json;

    public BinanceHttp(Vertx vertx, BinanceConfig config, ObjectMapper json) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setKeepAlive(true));
        this.config = config;
        this.json = json;
    }

    public Uni<Answer> send(HttpMethod method, String path, Map<String, String> parameters, BrokerCredentials keys) {
        String query = BinanceSigning.signedQuery(parameters, keys.apiSecret(), config.recvWindow(), System.currentTimeMillis());
        RequestOptions request = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(config.baseUrl() + path + "?" + query)
                .putHeader(API_KEY_HEADER, keys.apiKey())
                .setTimeout(config.timeout().toMillis());
        return client.request(request)
                .chain(outgoing -> outgoing.send())
                .chain(response -> response.body().map(body -> new Answer(response.statusCode(), parse(body.toString()))))
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
