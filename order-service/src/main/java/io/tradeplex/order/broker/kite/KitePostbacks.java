package io.tradeplex.order.broker.kite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.order.account.BrokerCredentials;
import io.tradeplex.order.account.CredentialsClient;
import io.tradeplex.order.execution.OpenOrder;
import io.tradeplex.order.order.OrderEntity;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Order updates Kite POSTs to the URL registered for the account's Kite app. Kite authenticates them only by
 * {@code checksum = hex(SHA-256(order_id + order_timestamp + api_secret))}, verified with the secret of the account
 * the tagged order was placed on (and Kite's user id, when known, must match). A verified postback is only a signal:
 * the order and its trades are read back from Kite, so a replayed or edited payload can apply nothing that Kite did
 * not execute, and each trade is applied once however often it is reported.
 */
@ApplicationScoped
public class KitePostbacks {
    public static final String PATH = "/api/v1/brokers/kite/postback";
    public static final String CHECKSUM_INVALID = "POSTBACK_CHECKSUM_INVALID";
    public static final String NOT_VERIFIABLE = "POSTBACK_NOT_VERIFIABLE";
    private static final Logger LOG = Logger.getLogger(KitePostbacks.class);

    private final ObjectMapper json;
    private final KiteOrders orders;
    private final CredentialsClient credentials;
    private final KiteBroker broker;
    private final AuditTrail audit;

    public KitePostbacks(ObjectMapper json, KiteOrders orders, CredentialsClient credentials, KiteBroker broker,
                         AuditTrail audit) {
        this.json = json;
        this.orders = orders;
        this.credentials = credentials;
        this.broker = broker;
        this.audit = audit;
    }

    public Uni<Void> receive(String body) {
        JsonNode postback = parse(body);
        String kiteOrderId = postback.path("order_id").asText("");
        String orderTimestamp = postback.path("order_timestamp").asText("");
        String checksum = postback.path("checksum").asText("");
        if (!kiteOrderId.matches("[0-9]{1,32}")) {
            throw ApiException.invalid("order_id", "must be Kite's order id");
        }
        if (orderTimestamp.isEmpty()) {
            throw ApiException.invalid("order_timestamp", "is required");
        }
        if (!checksum.matches("[0-9a-f]{64}")) {
            throw ApiException.invalid("checksum", "must be 64 hex digits");
        }
        String tag = postback.path("tag").asText(null);
        if (!KiteTag.isOurs(tag)) {
            LOG.infof("Postback for Kite order %s carries no tag of ours; nothing applied", kiteOrderId);
            return Uni.createFrom().failure(unverified());
        }
        return orders.byTag(tag).chain(order -> {
            if (order == null) {
                LOG.infof("Postback for Kite order %s names no order of ours; nothing applied", kiteOrderId);
                return Uni.createFrom().failure(unverified());
            }
            return credentials.credentials(order.userId, order.accountId)
                    .onFailure().transform(failure -> {
                        LOG.warnf("Postback for order %s cannot be verified now, the account's keys are unavailable: %s",
                                order.id, failure.toString());
                        return new ApiException(503, "Service Unavailable", NOT_VERIFIABLE,
                                "The postback cannot be verified right now; nothing was applied", List.of());
                    })
                    .chain(keys -> authentic(postback, kiteOrderId, orderTimestamp, checksum, keys)
                            ? apply(order, keys, kiteOrderId)
                            : refuse(order, kiteOrderId));
        });
    }

    private Uni<Void> apply(OrderEntity order, BrokerCredentials keys, String kiteOrderId) {
        if (!(order.status == OrderStatus.ACCEPTED || order.status == OrderStatus.PARTIALLY_FILLED)) {
            return Uni.createFrom().voidItem();
        }
        return broker.postback(OpenOrder.of(order), keys, kiteOrderId);
    }

    private Uni<Void> refuse(OrderEntity order, String kiteOrderId) {
        // The checksum itself is not logged: with the order id and time it would be an oracle for the secret's hash.
        LOG.warnf("Refused a postback for order %s (Kite order %s): its checksum does not verify", order.id, kiteOrderId);
        return audit.record(audit.denied(order.userId, null, "broker.kite.postback", CHECKSUM_INVALID, PATH,
                        Map.of("orderId", order.id.toString(), "kiteOrderId", kiteOrderId)))
                .chain(() -> Uni.createFrom().failure(unverified()));
    }

    private static boolean authentic(JsonNode postback, String kiteOrderId, String orderTimestamp, String checksum,
                                     BrokerCredentials keys) {
        String kiteUserId = postback.path("user_id").asText("");
        if (keys.brokerUserId() != null && !keys.brokerUserId().equals(kiteUserId)) {
            return false;
        }
        byte[] expected = sha256Hex(kiteOrderId + orderTimestamp + keys.apiSecret()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, checksum.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode parsed = json.readTree(body == null ? "" : body);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (Exception unreadable) {
            // answered below, like any other body that is not a JSON object
        }
        throw ApiException.invalid("body", "must be Kite's postback, a JSON object");
    }

    /** One answer for every postback that cannot be verified, so it tells a caller nothing about our orders. */
    private static ApiException unverified() {
        return new ApiException(401, "Unauthorized", CHECKSUM_INVALID, "The postback's checksum does not verify", List.of());
    }
}
