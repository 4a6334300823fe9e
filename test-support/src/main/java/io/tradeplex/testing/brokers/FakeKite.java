package io.tradeplex.testing.brokers;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kite Connect v3: {@code POST /session/token}, and the order endpoints {@code POST /orders/regular},
 * {@code DELETE /orders/regular/{id}}, {@code GET /orders}, {@code GET /orders/{id}} and
 * {@code GET /orders/{id}/trades}, checking requests the way Kite
 * documents them: {@code X-Kite-Version: 3}, {@code Authorization: token api_key:access_token} with a live session of
 * that api key, form-encoded fields, a tag of at most 20 alphanumerics, market_protection on every MARKET order.
 * Errors have Kite's shape ({@code {"status":"error","message":…,"error_type":…}}) and HTTP codes. Its checksums
 * (session and postback) are computed independently of the production code, so the two check each other.
 * <p>
 * A MARKET order, or a LIMIT order that crosses the instrument's price, completes at once in one trade; any other
 * order rests OPEN until a test fills it ({@link #fill}) or it is cancelled.
 */
public final class FakeKite extends FakeServer {
    public static final String TOKEN_EXCEPTION = "TokenException";
    public static final String INPUT_EXCEPTION = "InputException";
    public static final String ORDER_EXCEPTION = "OrderException";
    private static final Set<String> EXCHANGES = Set.of("NSE", "BSE", "NFO", "CDS", "BFO", "MCX", "BCD");
    private static final Set<String> ORDER_TYPES = Set.of("MARKET", "LIMIT", "SL", "SL-M");
    private static final Set<String> PRODUCTS = Set.of("CNC", "NRML", "MIS", "MTF");
    private static final Set<String> VALIDITIES = Set.of("DAY", "IOC", "TTL");
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final Map<String, App> apps = new ConcurrentHashMap<>();
    /** request_token → the api_key it was issued for; removed when used. */
    private final Map<String, String> requestTokens = new ConcurrentHashMap<>();
    /** request_token → the access token its exchange handed out. */
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    /** Live sessions: access token → api key. An expired session is simply gone. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
    private final AtomicInteger failWith = new AtomicInteger();
    private final AtomicInteger placements = new AtomicInteger();
    private final AtomicReference<String[]> nextPlacementFailure = new AtomicReference<>();
    private final Map<String, List<Long>> placementTimes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sourcesByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> historyReads = new ConcurrentHashMap<>();
    // Unique across runs, as Kite's own are: fills are unique by their ids in the services' databases.
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);
    private final SecureRandom random = new SecureRandom();

    private record App(String secret, String userId) {
    }

    private record Trade(String tradeId, int quantity, BigDecimal price, String at) {
    }

    /** One order as Kite keeps it; changed only under its own lock. */
    private static final class Order {
        final String orderId;
        final String apiKey;
        final Map<String, String> fields;
        final String placedAt;
        final List<Trade> trades = new ArrayList<>();
        String status;
        String statusMessage;

        Order(String orderId, String apiKey, Map<String, String> fields, String placedAt, String status) {
            this.orderId = orderId;
            this.apiKey = apiKey;
            this.fields = Map.copyOf(fields);
            this.placedAt = placedAt;
            this.status = status;
        }

        int quantity() {
            return Integer.parseInt(fields.get("quantity"));
        }

        int filled() {
            return trades.stream().mapToInt(Trade::quantity).sum();
        }
    }

    public FakeKite() {
        this(0);
    }

    public FakeKite(int port) {
        super(port);
        start("/");
    }

    public void register(String apiKey, String apiSecret, String kiteUserId) {
        apps.put(apiKey, new App(apiSecret, kiteUserId));
    }

    /** What Kite's login redirect would hand the user's browser. */
    public String issueRequestToken(String apiKey) {
        String token = token();
        requestTokens.put(token, apiKey);
        return token;
    }

    public String accessTokenIssuedFor(String requestToken) {
        return accessTokens.get(requestToken);
    }

    /** A day's session for a registered app, as if its user had logged in: the access token to trade with. */
    public String openSession(String apiKey) {
        String accessToken = token();
        sessions.put(accessToken, apiKey);
        return accessToken;
    }

    /** Kite flushes the app's sessions (as it does every morning): every call with them is a 403 TokenException. */
    public void expireSessions(String apiKey) {
        sessions.values().removeIf(apiKey::equals);
    }

    /** Every answer is this status (an outage) until reset with 0. */
    public void failWith(int status) {
        failWith.set(status);
    }

    /** The price orders on {@code exchange:tradingsymbol} fill at (default 1500). */
    public void price(String exchange, String tradingsymbol, String price) {
        prices.put(exchange + ":" + tradingsymbol, new BigDecimal(price));
    }

    /** The next placement is refused (not placed), e.g. 400 InputException or 500 OrderException. */
    public void rejectNextPlacement(int status, String errorType, String message) {
        nextPlacementFailure.set(new String[]{"reject", Integer.toString(status), errorType, message});
    }

    /**
     * The next placement is accepted (it gets an order id) and then rejected by Kite's risk checks: status REJECTED
     * with {@code message}, as Kite reports an RMS rejection.
     */
    public void rejectNextPlacementAfterAcceptance(String message) {
        nextPlacementFailure.set(new String[]{"rms", "200", message});
    }

    /**
     * The next placement is carried out but its answer is lost: Kite answers {@code status} (a 5xx:
     * 500 OrderException, 502 DataException, 503 NetworkException), or with {@code status} 0 holds the answer back
     * for {@code delayMillis} first, so that the caller gives up waiting.
     */
    public void loseNextPlacementAnswer(int status, long delayMillis) {
        nextPlacementFailure.set(new String[]{"lose", Integer.toString(status), Long.toString(delayMillis)});
    }

    /** How many {@code POST /orders/regular} arrived, valid or not. */
    public int placements() {
        return placements.get();
    }

    /** When each {@code POST /orders/regular} with this api key arrived (epoch millis), valid or not. */
    public List<Long> placementTimes(String apiKey) {
        return List.copyOf(placementTimes.getOrDefault(apiKey, List.of()));
    }

    /** The addresses requests with this api key came from, as this server saw them. */
    public Set<String> sourceAddresses(String apiKey) {
        return Set.copyOf(sourcesByKey.getOrDefault(apiKey, Set.of()));
    }

    /** How often {@code GET /orders/{id}} read this order's history. */
    public int historyReadsOf(String kiteOrderId) {
        AtomicInteger reads = historyReads.get(kiteOrderId);
        return reads == null ? 0 : reads.get();
    }

    /** The Kite order ids carrying {@code tag}, oldest first. */
    public List<String> ordersTagged(String tag) {
        return orders.values().stream().filter(order -> tag.equals(order.fields.get("tag")))
                .sorted(java.util.Comparator.comparing(order -> order.orderId)).map(order -> order.orderId).toList();
    }

    public Optional<String> statusOf(String kiteOrderId) {
        return Optional.ofNullable(orders.get(kiteOrderId)).map(order -> order.status);
    }

    /** The exchange executes {@code quantity} more of a resting order at {@code price}; all of it completes the order. */
    public void fill(String kiteOrderId, int quantity, String price) {
        Order order = orders.get(kiteOrderId);
        synchronized (order) {
            if (order.filled() + quantity > order.quantity() || !"OPEN".equals(order.status)) {
                throw new IllegalStateException("Order " + kiteOrderId + " cannot fill " + quantity + " more");
            }
            order.trades.add(new Trade(nextId(), quantity, new BigDecimal(price), now()));
            if (order.filled() == order.quantity()) {
                order.status = "COMPLETE";
            }
        }
    }

    /** The exchange cancels what is left of a resting order. */
    public void cancel(String kiteOrderId) {
        Order order = orders.get(kiteOrderId);
        synchronized (order) {
            order.status = "CANCELLED";
        }
    }

    /** The JSON body Kite would POST to the app's postback URL for the order's current state, correctly signed. */
    public String postbackFor(String kiteOrderId) {
        Order order = orders.get(kiteOrderId);
        synchronized (order) {
            String checksum = postbackChecksumOf(order.orderId, order.placedAt, apps.get(order.apiKey).secret());
            return "{\"user_id\":\"" + apps.get(order.apiKey).userId() + "\",\"unfilled_quantity\":"
                    + (order.quantity() - order.filled()) + ",\"app_id\":1234,\"checksum\":\"" + checksum + "\","
                    + "\"placed_by\":\"" + apps.get(order.apiKey).userId() + "\"," + orderJson(order).substring(1);
        }
    }

    /** hex(SHA-256(api_key + request_token + api_secret)): a plain hash, not an HMAC. */
    public static String checksumOf(String apiKey, String requestToken, String apiSecret) {
        return sha256Hex(apiKey + requestToken + apiSecret);
    }

    /** hex(SHA-256(order_id + order_timestamp + api_secret)), the timestamp exactly as sent. */
    public static String postbackChecksumOf(String orderId, String orderTimestamp, String apiSecret) {
        return sha256Hex(orderId + orderTimestamp + apiSecret);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String claimedKey = claimedApiKey(exchange);
        if (claimedKey != null) {
            sourcesByKey.computeIfAbsent(claimedKey, ignored -> ConcurrentHashMap.newKeySet())
                    .add(exchange.getRemoteAddress().getAddress().getHostAddress());
        }
        if ("POST".equals(method) && "/orders/regular".equals(path)) {
            placements.incrementAndGet();
            if (claimedKey != null) {
                placementTimes.computeIfAbsent(claimedKey, ignored -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(System.currentTimeMillis());
            }
        }
        if (failWith.get() != 0) {
            respond(exchange, failWith.get(), error("Gateway timed out", "NetworkException"));
            return;
        }
        if (path.equals("/session/token") && !"POST".equals(method)) {
            respond(exchange, 405, error("Method not allowed", INPUT_EXCEPTION));
            return;
        }
        if (!"3".equals(exchange.getRequestHeaders().getFirst("X-Kite-Version"))) {
            respond(exchange, 400, error("Invalid or missing X-Kite-Version header", INPUT_EXCEPTION));
            return;
        }
        if (path.equals("/session/token")) {
            createSession(exchange);
            return;
        }
        String apiKey = authenticate(exchange);
        if (apiKey == null) {
            return;
        }
        String[] segments = path.split("/");   // "", "orders", id, "trades"
        if ("POST".equals(method) && path.equals("/orders/regular")) {
            place(exchange, apiKey);
        } else if ("DELETE".equals(method) && segments.length == 4 && path.startsWith("/orders/regular/")) {
            Order order = owned(exchange, apiKey, segments[3]);
            if (order != null) {
                cancelByRequest(exchange, order);
            }
        } else if ("GET".equals(method) && path.equals("/orders")) {
            respond(exchange, 200, success(orders.values().stream().filter(order -> order.apiKey.equals(apiKey))
                    .sorted(java.util.Comparator.comparing(order -> order.orderId))
                    .map(FakeKite::orderJson).reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElse("[]")));
        } else if ("GET".equals(method) && segments.length == 3 && segments[1].equals("orders")) {
            Order order = owned(exchange, apiKey, segments[2]);
            if (order != null) {
                historyReads.computeIfAbsent(order.orderId, ignored -> new AtomicInteger()).incrementAndGet();
                respond(exchange, 200, success("[" + history(order) + "]"));
            }
        } else if ("GET".equals(method) && segments.length == 4 && segments[1].equals("orders") && segments[3].equals("trades")) {
            Order order = owned(exchange, apiKey, segments[2]);
            if (order != null) {
                respond(exchange, 200, success(tradesJson(order)));
            }
        } else {
            respond(exchange, 404, error("Route not found", "GeneralException"));
        }
    }

    /** Only a resting order can be cancelled; Kite answers any other with its generic "being processed" refusal. */
    private static void cancelByRequest(HttpExchange exchange, Order order) throws IOException {
        boolean cancelled;
        synchronized (order) {
            cancelled = "OPEN".equals(order.status);
            if (cancelled) {
                order.status = "CANCELLED";
            }
        }
        if (cancelled) {
            respond(exchange, 200, success("{\"order_id\":\"" + order.orderId + "\"}"));
        } else {
            respond(exchange, 400, error("Order cannot be cancelled as it is being processed. Try later.", INPUT_EXCEPTION));
        }
    }

    /** The api key a request names in its Authorization header, live session or not. */
    private static String claimedApiKey(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("token ") || authorization.indexOf(':') < 0) {
            return null;
        }
        return authorization.substring("token ".length(), authorization.indexOf(':'));
    }

    /** @return the api key of a live session, or null when an error answer was sent */
    private String authenticate(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("token ") || authorization.indexOf(':') < 0) {
            respond(exchange, 403, error("Incorrect `api_key` or `access_token`.", TOKEN_EXCEPTION));
            return null;
        }
        String credentials = authorization.substring("token ".length());
        String apiKey = credentials.substring(0, credentials.indexOf(':'));
        String accessToken = credentials.substring(credentials.indexOf(':') + 1);
        if (!apiKey.equals(sessions.get(accessToken))) {
            respond(exchange, 403, error("Incorrect `api_key` or `access_token`.", TOKEN_EXCEPTION));
            return null;
        }
        return apiKey;
    }

    private void place(HttpExchange exchange, String apiKey) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            respond(exchange, 400, error("Order parameters must be form-encoded", INPUT_EXCEPTION));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] failure = nextPlacementFailure.getAndSet(null);
        if (failure != null && failure[0].equals("reject")) {
            respond(exchange, Integer.parseInt(failure[1]), error(failure[3], failure[2]));
            return;
        }
        String invalid = invalidField(form);
        if (invalid != null) {
            respond(exchange, 400, error(invalid, INPUT_EXCEPTION));
            return;
        }
        String instrument = form.get("exchange") + ":" + form.get("tradingsymbol");
        BigDecimal market = prices.getOrDefault(instrument, new BigDecimal("1500"));
        boolean buy = "BUY".equals(form.get("transaction_type"));
        boolean crosses = "MARKET".equals(form.get("order_type")) || (buy
                ? new BigDecimal(form.get("price")).compareTo(market) >= 0
                : new BigDecimal(form.get("price")).compareTo(market) <= 0);
        boolean refusedByRms = failure != null && failure[0].equals("rms");
        Order order = new Order(nextId(), apiKey, form, now(), refusedByRms ? "REJECTED" : crosses ? "COMPLETE" : "OPEN");
        if (refusedByRms) {
            order.statusMessage = failure[2].replace("\"", "'");
        } else if (crosses) {
            order.trades.add(new Trade(nextId(), order.quantity(), market, order.placedAt));
        }
        orders.put(order.orderId, order);
        if (failure != null && failure[0].equals("lose")) {
            loseAnswer(exchange, failure);
            return;
        }
        respond(exchange, 200, success("{\"order_id\":\"" + order.orderId + "\"}"));
    }

    private static void loseAnswer(HttpExchange exchange, String[] failure) throws IOException {
        int status = Integer.parseInt(failure[1]);
        if (status == 0) {
            try {
                Thread.sleep(Long.parseLong(failure[2]));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 504, error("Gateway timed out", "NetworkException"));
            return;
        }
        String type = switch (status) {
            case 500 -> ORDER_EXCEPTION;
            case 502 -> "DataException";
            default -> "NetworkException";
        };
        respond(exchange, status, error("Upstream error, the order's state is unknown", type));
    }

    /** Kite's checks on a regular order, in the words of its InputException messages. */
    private static String invalidField(Map<String, String> form) {
        if (!EXCHANGES.contains(form.getOrDefault("exchange", ""))) {
            return "Invalid `exchange`.";
        }
        if (form.getOrDefault("tradingsymbol", "").isEmpty()) {
            return "Invalid `tradingsymbol`.";
        }
        if (!Set.of("BUY", "SELL").contains(form.getOrDefault("transaction_type", ""))) {
            return "Invalid `transaction_type`.";
        }
        String orderType = form.getOrDefault("order_type", "");
        if (!ORDER_TYPES.contains(orderType)) {
            return "Invalid `order_type`.";
        }
        if (!form.getOrDefault("quantity", "").matches("[1-9][0-9]{0,8}")) {
            return "Invalid `quantity`.";
        }
        if (!PRODUCTS.contains(form.getOrDefault("product", ""))) {
            return "Invalid `product`.";
        }
        if (!VALIDITIES.contains(form.getOrDefault("validity", ""))) {
            return "Invalid `validity`.";
        }
        if (orderType.equals("LIMIT") && !form.getOrDefault("price", "").matches("[0-9]+(\\.[0-9]+)?")) {
            return "Invalid `price`.";
        }
        if (form.containsKey("tag") && !form.get("tag").matches("[A-Za-z0-9]{1,20}")) {
            return "Invalid `tag`: at most 20 alphanumeric characters.";
        }
        if (orderType.equals("MARKET")) {
            String protection = form.getOrDefault("market_protection", "0");
            if (!protection.matches("-1|[0-9]+(\\.[0-9]+)?") || new BigDecimal(protection).signum() == 0
                    || new BigDecimal(protection).compareTo(new BigDecimal("100")) > 0) {
                return "Market orders without market protection are not allowed via API. Please set market protection"
                        + " or use a Limit order.";
            }
        }
        return null;
    }

    private Order owned(HttpExchange exchange, String apiKey, String orderId) throws IOException {
        Order order = orders.get(orderId);
        if (order == null || !order.apiKey.equals(apiKey)) {
            respond(exchange, 400, error("Couldn't find that `order_id`.", INPUT_EXCEPTION));
            return null;
        }
        return order;
    }

    /** The order's history, oldest first: Kite lists every state the order went through, the current one last. */
    private static String history(Order order) {
        synchronized (order) {
            return orderFields(order, "OPEN PENDING", 0) + "," + orderJson(order);
        }
    }

    private static String orderJson(Order order) {
        synchronized (order) {
            return orderFields(order, order.status, order.filled());
        }
    }

    private static String orderFields(Order order, String status, int filled) {
        Map<String, String> f = order.fields;
        BigDecimal average = filled == 0 ? BigDecimal.ZERO : order.trades.stream()
                .map(trade -> trade.price().multiply(BigDecimal.valueOf(trade.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(filled), 2, RoundingMode.HALF_EVEN);
        int pending = status.equals("CANCELLED") || status.equals("REJECTED") ? 0 : order.quantity() - filled;
        String tag = f.containsKey("tag") ? "\"" + f.get("tag") + "\"" : "null";
        return """
                {"order_id":"%s","exchange_order_id":"1100000%s","parent_order_id":null,"status":"%s",\
                "status_message":%s,"status_message_raw":null,"order_timestamp":"%s","exchange_update_timestamp":"%s",\
                "exchange_timestamp":"%s","variety":"regular","modified":false,"exchange":"%s","tradingsymbol":"%s",\
                "instrument_token":408065,"order_type":"%s","transaction_type":"%s","validity":"%s","validity_ttl":0,\
                "product":"%s","quantity":%s,"disclosed_quantity":0,"price":%s,"trigger_price":0,"average_price":%s,\
                "filled_quantity":%d,"pending_quantity":%d,"cancelled_quantity":%d,"market_protection":%s,"meta":{},\
                "tag":%s,"tags":%s,"guid":"%s"}"""
                .formatted(order.orderId, order.orderId.substring(order.orderId.length() - 9), status,
                        order.statusMessage == null ? "null" : "\"" + order.statusMessage + "\"", order.placedAt,
                        order.placedAt, order.placedAt, f.get("exchange"), f.get("tradingsymbol"), f.get("order_type"),
                        f.get("transaction_type"), f.get("validity"), f.get("product"), f.get("quantity"),
                        f.getOrDefault("price", "0"), average.stripTrailingZeros().toPlainString(), filled, pending,
                        status.equals("CANCELLED") ? order.quantity() - filled : 0, f.getOrDefault("market_protection", "0"),
                        tag, f.containsKey("tag") ? "[" + tag + "]" : "null", "guid" + order.orderId);
    }

    private static String tradesJson(Order order) {
        synchronized (order) {
            StringBuilder json = new StringBuilder("[");
            for (Trade trade : order.trades) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("""
                        {"trade_id":"%s","order_id":"%s","exchange":"%s","tradingsymbol":"%s","instrument_token":408065,\
                        "product":"%s","average_price":%s,"quantity":%d,"exchange_order_id":"1100000%s",\
                        "transaction_type":"%s","fill_timestamp":"%s","order_timestamp":"%s","exchange_timestamp":"%s"}"""
                        .formatted(trade.tradeId(), order.orderId, order.fields.get("exchange"),
                                order.fields.get("tradingsymbol"), order.fields.get("product"),
                                trade.price().stripTrailingZeros().toPlainString(), trade.quantity(),
                                order.orderId.substring(order.orderId.length() - 9), order.fields.get("transaction_type"),
                                trade.at(), order.placedAt, trade.at()));
            }
            return json.append("]").toString();
        }
    }

    private void createSession(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String apiKey = form.getOrDefault("api_key", "");
        String requestToken = form.getOrDefault("request_token", "");
        App app = apps.get(apiKey);
        if (app == null) {
            respond(exchange, 403, error("Invalid `api_key`.", TOKEN_EXCEPTION));
            return;
        }
        String expected = checksumOf(apiKey, requestToken, app.secret());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                form.getOrDefault("checksum", "").getBytes(StandardCharsets.US_ASCII))) {
            respond(exchange, 403, error("Invalid `checksum`.", TOKEN_EXCEPTION));
            return;
        }
        if (!requestTokens.remove(requestToken, apiKey)) {
            respond(exchange, 403, error("Token is invalid or has expired.", TOKEN_EXCEPTION));
            return;
        }
        String accessToken = token();
        accessTokens.put(requestToken, accessToken);
        sessions.put(accessToken, apiKey);
        respond(exchange, 200, """
                {"status":"success","data":{"user_type":"individual","email":"xxxyyy@gmail.com","user_name":"Kite Connect",
                 "user_shortname":"Connect","broker":"ZERODHA","exchanges":["NSE","NFO","BFO","CDS","BSE","MCX","BCD","MF"],
                 "products":["CNC","NRML","MIS","BO","CO"],"order_types":["MARKET","LIMIT","SL","SL-M"],"avatar_url":null,
                 "user_id":"%s","api_key":"%s","access_token":"%s","public_token":"%s","refresh_token":"",
                 "enctoken":"","login_time":"2021-01-01 16:15:14","meta":{"demat_consent":"physical"}}}"""
                .formatted(app.userId(), apiKey, accessToken, token()));
    }

    private String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    private static String now() {
        return LocalDateTime.now(INDIA).format(KITE_TIME);
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String success(String data) {
        return "{\"status\":\"success\",\"data\":" + data + "}";
    }

    private static String error(String message, String type) {
        return "{\"status\":\"error\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"data\":null,\"error_type\":\"" + type + "\"}";
    }
}
