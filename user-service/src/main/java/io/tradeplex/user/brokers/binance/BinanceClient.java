package io.tradeplex.user.brokers.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.user.brokers.BrokerErrors;
import io.tradeplex.user.brokers.BrokerHttp;
import io.tradeplex.user.brokers.BrokersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Set;

/** Checks Binance API keys before they are stored, with a signed account call. */
@ApplicationScoped
public class BinanceClient {
    static final String BROKER = "Binance";
    /** API-key format invalid; invalid key, IP or permissions; invalid signature (a wrong secret). */
    private static final Set<Integer> REJECTED_KEY_CODES = Set.of(-2014, -2015, -1022);
    private static final int INVALID_TIMESTAMP = -1021;
    private static final Logger LOG = Logger.getLogger(BinanceClient.class);

    private final BinanceApi api;
    private final long recvWindow;
    private final ObjectMapper json;

    public BinanceClient(BrokersConfig config, ObjectMapper json) {
        this.api = BrokerHttp.client(BinanceApi.class, config.binance().baseUrl(), config);
        this.recvWindow = config.binance().recvWindow();
        this.json = json;
    }

    /**
     * Succeeds if Binance accepts the key pair and the account may trade; otherwise fails with an {@link ApiException}
     * (422 rejected, 503 unreachable). Call it outside any database transaction: it waits on the network.
     */
    public Uni<Void> verify(String apiKey, String apiSecret) {
        long timestamp = System.currentTimeMillis();
        String signature = BinanceSigner.sign(apiSecret, BinanceSigner.accountQuery(timestamp, recvWindow));
        return api.account(timestamp, recvWindow, signature, apiKey)
                .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
                    LOG.warnf("Binance account check failed: %s", failure.getClass().getSimpleName());
                    return BrokerErrors.unreachable(BROKER, "no answer");
                })
                .map(this::judge);
    }

    private Void judge(Response response) {
        int status = response.getStatus();
        JsonNode body = body(response);
        if (status == 200) {
            if (!body.path("canTrade").asBoolean(false)) {
                throw BrokerErrors.credentialsRejected(BROKER, "the key's account cannot trade (enable spot trading on the key)");
            }
            return null;
        }
        int code = body.path("code").asInt(0);
        String message = BrokerErrors.quote(body.path("msg").asText(null));
        LOG.infof("Binance refused the account check: HTTP %d, code %d", status, code);
        if (status == 401 || status == 403 || REJECTED_KEY_CODES.contains(code)) {
            return rejected(message, code);
        }
        if (code == INVALID_TIMESTAMP) {
            throw BrokerErrors.unreachable(BROKER, "our clock and Binance's disagree: " + message);
        }
        if (status == 429 || status == 418 || status >= 500) {
            throw BrokerErrors.unreachable(BROKER, "HTTP " + status);
        }
        return rejected(message, code);
    }

    private static Void rejected(String message, int code) {
        throw BrokerErrors.credentialsRejected(BROKER, message + " (code " + code + ")");
    }

    private JsonNode body(Response response) {
        try {
            return json.readTree(response.hasEntity() ? response.readEntity(String.class) : "{}");
        } catch (IOException | RuntimeException e) {
            return json.createObjectNode();
        }
    }
}
