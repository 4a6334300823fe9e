package io.tradeplex.order.broker.binance;

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

import java.util.Map;

/**
 * Signed calls to Binance Spot through {@link BrokerTraffic} (rate limits, breaker, the account's egress). A call is
 * signed when it is admitted, so its timestamp is fresh however long it waited. Keys come in per call and are never
 * logged: neither the request line (it carries the signature) nor the key header.
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

    private final BrokerTraffic traffic;
    private final BinanceConfig config;
    private final ObjectMapper json;

    public BinanceHttp(BrokerTraffic traffic, BinanceConfig config, ObjectMapper json) {
        this.traffic = traffic;
        this.config = config;
        this.json = json;
    }

    /** Fails with {@link BrokerTrafficException} when the call was not sent at all. */
    public Uni<Answer> send(BrokerCall call, HttpMethod method, String path, Map<String, String> parameters,
                            BrokerCredentials keys) {
        return traffic.exchange(call, () -> {
                    String query = BinanceSigning.signedQuery(parameters, keys.apiSecret(), config.recvWindow(),
                            System.currentTimeMillis());
                    return new OutgoingRequest(new RequestOptions()
                            .setMethod(method)
                            .setAbsoluteURI(config.baseUrl() + path + "?" + query)
                            .putHeader(API_KEY_HEADER, keys.apiKey())
                            .setTimeout(config.timeout().toMillis()), null);
                })
                .map(answer -> new Answer(answer.status(), answer.json(json)));
    }

    public Answer noAnswer() {
        return new Answer(0, json.createObjectNode());
    }
}
