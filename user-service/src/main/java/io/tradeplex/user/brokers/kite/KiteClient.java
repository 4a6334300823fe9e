package io.tradeplex.user.brokers.kite;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Kite Connect's login: the URL the user's browser goes to, and the exchange of its request_token for a session. */
@ApplicationScoped
public class KiteClient {
    static final String BROKER = "Kite";
    private static final Logger LOG = Logger.getLogger(KiteClient.class);

    private final KiteApi api;
    private final String loginUrl;
    private final ObjectMapper json;

    public KiteClient(BrokersConfig config, ObjectMapper json) {
        this.api = BrokerHttp.client(KiteApi.class, config.kite().baseUrl(), config);
        this.loginUrl = config.kite().loginUrl();
        this.json = json;
    }

    public String loginUrl(String apiKey) {
        return loginUrl + "?v=" + KiteApi.VERSION + "&api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
    }

    /**
     * Fails with an {@link ApiException}: 422 when Kite refuses (a used or expired request_token, a wrong secret),
     * 503 when it cannot be reached. A refusal is never retried: the request_token is single-use. Call it outside any
     * database transaction: it waits on the network.
     */
    public Uni<KiteSession> createSession(String apiKey, String apiSecret, String requestToken) {
        String checksum = KiteChecksum.of(apiKey, requestToken, apiSecret);
        return api.createSession(KiteApi.VERSION, apiKey, requestToken, checksum)
                .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
                    LOG.warnf("Kite session exchange failed: %s", failure.getClass().getSimpleName());
                    return BrokerErrors.unreachable(BROKER, "no answer");
                })
                .map(this::session);
    }

    private KiteSession session(Response response) {
        int status = response.getStatus();
        JsonNode body = body(response);
        if (status == 200 && "success".equals(body.path("status").asText())) {
            String userId = body.path("data").path("user_id").asText("");
            String accessToken = body.path("data").path("access_token").asText("");
            if (userId.isEmpty() || accessToken.isEmpty()) {
                throw BrokerErrors.unreachable(BROKER, "its answer had no user_id or access_token");
            }
            return new KiteSession(userId, accessToken, KiteSession.expiryOfTokenIssuedAt(Instant.now()));
        }
        String errorType = body.path("error_type").asText("none");
        LOG.infof("Kite refused the session exchange: HTTP %d, %s", status, errorType.replaceAll("\\W", "_"));
        if (status >= 500 || status == 429) {
            throw BrokerErrors.unreachable(BROKER, "HTTP " + status);
        }
        throw BrokerErrors.kiteLoginFailed(BrokerErrors.quote(body.path("message").asText(null)));
    }

    private JsonNode body(Response response) {
        try {
            return json.readTree(response.hasEntity() ? response.readEntity(String.class) : "{}");
        } catch (IOException | RuntimeException e) {
            return json.createObjectNode();
        }
    }
}
