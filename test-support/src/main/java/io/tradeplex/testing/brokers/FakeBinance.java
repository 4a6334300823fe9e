package io.tradeplex.testing.brokers;

import com.sun.net.httpserver.HttpExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Binance Spot's {@code /api/v3/account}, {@code /api/v3/order} (place, query, cancel) and {@code /api/v3/myTrades}, checking
 * requests the way Binance documents it: the API key header, the timestamp against recvWindow, and the HMAC-SHA256
 * signature over the query string exactly as it arrived. Its verifier is written independently of the production
 * signers, so the two check each other. Market orders fill at once at the symbol's price; a limit order fills if it
 * crosses that price and otherwise rests ({@code NEW}) until it is cancelled, or a test fills or cancels it "at
 * the broker".
 */
public final class FakeBinance extends FakeServer {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger failWith = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, Order> ordersByClientId = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
    private final AtomicInteger placements = new AtomicInteger();
    // Unique across runs, as Binance's own ids are: fills are unique by (broker, trade id) in the database.
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 100);
    private final AtomicReference<String> nextPlacementFailure = new AtomicReference<>();
    private final AtomicInteger failLookups = new AtomicInteger();
    private final Map<String, AtomicInteger> placementsByClientId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookupsByClientId = new ConcurrentHashMap<>();
    private volatile boolean recordFailedPlacement;
    private final AtomicInteger throttleNextPlacements = new AtomicInteger();
    private volatile int throttleRetryAfterSeconds;
    private final Map<String, Integer> outages = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> placementTimes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> callsByKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sourcesByKey = new ConcurrentHashMap<>();

    private record Account(String secret, boolean canTrade) {
    }

    private record Order(long orderId, String apiKey, String clientOrderId, String symbol, String side, String type,
                         String origQty, String price, String status, String executedQty, String quoteQty,
                         long tradeId, String tradePrice, String commission, long time) {
    }

    public FakeBinance() {
        this(0);
    }

    public FakeBinance(int port) {
        super(port);
        start("/api/v3/");
    }

    /** The price market orders fill at (default 64000). */
    public void price(String symbol, String price) {
        prices.put(symbol, new BigDecimal(price));
    }

    /** The next order placement answers this error instead ({@code status}, e.g. 400, with Binance's code and message). */
    public void rejectNextPlacement(int status, int code, String message) {
        nextPlacementFailure.set(status + "|" + error(code, message));
        recordFailedPlacement = false;
    }

    /**
     * The next placement is executed but its answer is lost: HTTP 503 with -1007 ("execution status unknown"), the
     * case where only a query by client order id tells what happened.
     */
    public void loseNextPlacementAnswer() {
        nextPlacementFailure.set("503|" + error(-1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
        recordFailedPlacement = true;
    }

    /**
     * The next {@code count} placements are turned away as Binance does when a rate limit is hit: HTTP 429, code -1003,
     * a {@code Retry-After} header in seconds, and nothing executed.
     */
    public void throttleNextPlacements(int count, int retryAfterSeconds) {
        throttleRetryAfterSeconds = retryAfterSeconds;
        throttleNextPlacements.set(count);
    }

    /** Every request with this API key is answered with {@code status} (an outage of one account) until ended. */
    public void outage(String apiKey, int status) {
        outages.put(apiKey, status);
    }

    public void endOutage(String apiKey) {
        outages.remove(apiKey);
    }

    /** When each {@code POST /api/v3/order} with this key arrived (epoch millis), turned away or not. */
    public List<Long> placementTimes(String apiKey) {
        return List.copyOf(placementTimes.getOrDefault(apiKey, List.of()));
    }

    /** How many requests with this API key arrived, answered or not. */
    public int callsWith(String apiKey) {
        AtomicInteger count = callsByKey.get(apiKey);
        return count == null ? 0 : count.get();
    }

    /** The addresses requests with this API key came from, as this server saw them. */
    public Set<String> sourceAddresses(String apiKey) {
        return Set.copyOf(sourcesByKey.getOrDefault(apiKey, Set.of()));
    }

    /** How many {@code POST /api/v3/order} arrived, valid or not. */
    public int placements() {
        return placements.get();
    }

    /** How many signed placements with this client order id arrived, accepted or not. */
    public int placementsOf(String clientOrderId) {
        return count(placementsByClientId, clientOrderId);
    }

    /** How many signed {@code GET /api/v3/order} asked for this client order id. */
    public int lookupsOf(String clientOrderId) {
        return count(lookupsByClientId, clientOrderId);
    }

    /**
     * Every order lookup answers this status until reset with 0: a 5xx (-1000, an outage) or a 4xx (-1021, refused as
     * outside its recvWindow, as after a clock jump); placements and trades still work.
     */
    public void failLookups(int status) {
        failLookups.set(status);
    }

    /**
     * An order that reached Binance before the caller crashed: placed as {@code POST /api/v3/order} would place it
     * (a market order fills at once), with no answer going anywhere.
     */
    public void placeAsIfSent(String apiKey, String clientOrderId, String symbol, String side, String type,
                              String quantity, String price) {
        Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("symbol", symbol, "side", side, "type", type,
                "quantity", quantity, "newClientOrderId", clientOrderId));
        if (price != null) {
            params.put("price", price);
        }
        placementsByClientId.computeIfAbsent(clientOrderId, id -> new AtomicInteger()).incrementAndGet();
        execute(apiKey, params);
    }

    /** The order's status as Binance holds it ({@code NEW}, {@code FILLED}, {@code CANCELED}…), if it has it. */
    public java.util.Optional<String> statusOf(String clientOrderId) {
        return java.util.Optional.ofNullable(ordersByClientId.get(clientOrderId)).map(Order::status);
    }

    /** A resting order trades in full at its limit price, as the market reached it; nobody is told. */
    public void fillRestingOrder(String clientOrderId) {
        ordersByClientId.computeIfPresent(clientOrderId, (id, order) -> {
            BigDecimal quantity = new BigDecimal(order.origQty());
            BigDecimal quote = new BigDecimal(order.price()).multiply(quantity);
            return new Order(order.orderId(), order.apiKey(), id, order.symbol(), order.side(), order.type(),
                    order.origQty(), order.price(), "FILLED", order.origQty(), quote.toPlainString(), ids.incrementAndGet(),
                    order.price(), quote.multiply(new BigDecimal("0.001")).stripTrailingZeros().toPlainString(),
                    System.currentTimeMillis());
        });
    }

    /** The account holder cancels a resting order at Binance (its website, another program): not through us. */
    public void cancelAtBroker(String clientOrderId) {
        ordersByClientId.computeIfPresent(clientOrderId, (id, order) -> new Order(order.orderId(), order.apiKey(), id,
                order.symbol(), order.side(), order.type(), order.origQty(), order.price(), "CANCELED",
                order.executedQty(), order.quoteQty(), order.tradeId(), order.tradePrice(), order.commission(),
                order.time()));
    }

    private static int count(Map<String, AtomicInteger> counts, String clientOrderId) {
        AtomicInteger count = counts.get(clientOrderId);
        return count == null ? 0 : count.get();
    }

    public int ordersWithClientId(String clientOrderId) {
        return ordersByClientId.containsKey(clientOrderId) ? 1 : 0;
    }

    public void register(String apiKey, String apiSecret) {
        accounts.put(apiKey, new Account(apiSecret, true));
    }

    public void registerWithoutTrading(String apiKey, String apiSecret) {
        accounts.put(apiKey, new Account(apiSecret, false));
    }

    /** Every answer is this status (an outage) until reset with 0. */
    public void failWith(int status) {
        failWith.set(status);
    }

    public int calls() {
        return calls.get();
    }

    /** hex(HMAC-SHA256(secret, payload)). */
    public static String signatureOf(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (key != null) {
            callsByKey.computeIfAbsent(key, ignored -> new AtomicInteger()).incrementAndGet();
            sourcesByKey.computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet())
                    .add(exchange.getRemoteAddress().getAddress().getHostAddress());
            if (exchange.getRequestURI().getPath().equals("/api/v3/order") && exchange.getRequestMethod().equals("POST")) {
                placementTimes.computeIfAbsent(key, ignored -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
            }
            Integer outage = outages.get(key);
            if (outage != null) {
                respond(exchange, outage, error(-1000, "An unknown error occurred while processing the request."));
                return;
            }
        }
        if (failWith.get() != 0) {
            respond(exchange, failWith.get(), error(-1000, "An unknown error occurred while processing the request."));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v3/order") && method.equals("POST")) {
            placements.incrementAndGet();
        }
        Map<String, String> params = authenticate(exchange);
        if (params == null) {
            return;
        }
        String apiKey = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (method.equals("POST") && path.equals("/api/v3/order") && params.containsKey("newClientOrderId")) {
            placementsByClientId.computeIfAbsent(params.get("newClientOrderId"), id -> new AtomicInteger()).incrementAndGet();
        }
        if (method.equals("GET") && path.equals("/api/v3/order")) {
            lookupsByClientId.computeIfAbsent(params.getOrDefault("origClientOrderId", ""), id -> new AtomicInteger())
                    .incrementAndGet();
            int failure = failLookups.get();
            if (failure != 0) {
                respond(exchange, failure, failure >= 500
                        ? error(-1000, "An unknown error occurred while processing the request.")
                        : error(-1021, "Timestamp for this request is outside of the recvWindow."));
                return;
            }
        }
        switch (method + " " + path) {
            case "GET /api/v3/account" -> account(exchange, accounts.get(apiKey));
            case "POST /api/v3/order" -> place(exchange, apiKey, params);
            case "GET /api/v3/order" -> query(exchange, apiKey, params);
            case "DELETE /api/v3/order" -> cancel(exchange, apiKey, params);
            case "GET /api/v3/myTrades" -> trades(exchange, apiKey, params);
            default -> respond(exchange, 404, error(-1000, "unknown endpoint " + method + " " + path));
        }
    }

    /** @return the signed parameters, or null when an error answer was sent */
    private Map<String, String> authenticate(HttpExchange exchange) throws IOException {
        String apiKey = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
        if (apiKey == null || apiKey.isEmpty()) {
            respond(exchange, 401, error(-2014, "API-key format invalid."));
            return null;
        }
        Account account = accounts.get(apiKey);
        if (account == null) {
            respond(exchange, 401, error(-2015, "Invalid API-key, IP, or permissions for action."));
            return null;
        }
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String payload = (query == null ? "" : query) + body;
        int signatureAt = payload.lastIndexOf("&signature=");
        if (signatureAt < 0) {
            respond(exchange, 400, error(-1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed."));
            return null;
        }
        String signedPart = payload.substring(0, signatureAt);
        String signature = payload.substring(signatureAt + "&signature=".length());
        Map<String, String> params = form(signedPart);
        long serverTime = System.currentTimeMillis();
        long timestamp = Long.parseLong(params.getOrDefault("timestamp", "0"));
        long recvWindow = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
        if (!(timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow)) {
            respond(exchange, 400, error(-1021, "Timestamp for this request is outside of the recvWindow."));
            return null;
        }
        if (!MessageDigest.isEqual(signatureOf(account.secret(), signedPart).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            respond(exchange, 400, error(-1022, "Signature for this request is not valid."));
            return null;
        }
        return params;
    }

    private void account(HttpExchange exchange, Account account) throws IOException {
        respond(exchange, 200, """
                {"makerCommission":15,"takerCommission":15,"buyerCommission":0,"sellerCommission":0,
                 "commissionRates":{"maker":"0.00150000","taker":"0.00150000","buyer":"0.00000000","seller":"0.00000000"},
                 "canTrade":%s,"canWithdraw":true,"canDeposit":true,"brokered":false,"requireSelfTradePrevention":false,
                 "preventSor":false,"updateTime":%d,"accountType":"SPOT",
                 "balances":[{"asset":"BTC","free":"4723846.89208129","locked":"0.00000000"},
                             {"asset":"USDT","free":"1000.00000000","locked":"0.00000000"}],
                 "permissions":["SPOT"],"uid":354937868}""".formatted(account.canTrade(), System.currentTimeMillis()));
    }

    private void place(HttpExchange exchange, String apiKey, Map<String, String> params) throws IOException {
        if (throttleNextPlacements.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(throttleRetryAfterSeconds));
            respond(exchange, 429, error(-1003, "Too many requests; current limit is 6000 request weight per 1 MINUTE."));
            return;
        }
        String failure = nextPlacementFailure.getAndSet(null);
        if (failure != null && !recordFailedPlacement) {
            int bar = failure.indexOf('|');
            respond(exchange, Integer.parseInt(failure.substring(0, bar)), failure.substring(bar + 1));
            return;
        }
        String clientOrderId = params.get("newClientOrderId");
        if (clientOrderId == null || !clientOrderId.matches("[a-zA-Z0-9-_]{1,36}")) {
            respond(exchange, 400, error(-1100, "Illegal characters found in parameter 'newClientOrderId'."));
            return;
        }
        if (ordersByClientId.containsKey(clientOrderId)) {
            respond(exchange, 400, error(-2010, "Duplicate order sent."));
            return;
        }
        Order order = execute(apiKey, params);
        if (failure != null) {
            int bar = failure.indexOf('|');
            respond(exchange, Integer.parseInt(failure.substring(0, bar)), failure.substring(bar + 1));
            return;
        }
        String fills = order.tradeId() != 0 ? """
                [{"price":"%s","qty":"%s","commission":"%s","commissionAsset":"USDT","tradeId":%d}]"""
                .formatted(order.tradePrice(), order.executedQty(), order.commission(), order.tradeId()) : "[]";
        respond(exchange, 200, orderJson(order).replaceFirst("}$", ",\"fills\":" + fills.replace("$", "\\$") + "}"));
    }

    /** Executes a placement as Binance would: a market order, or a limit order crossing the price, trades at once. */
    private Order execute(String apiKey, Map<String, String> params) {
        String clientOrderId = params.get("newClientOrderId");
        String symbol = params.get("symbol");
        BigDecimal market = prices.getOrDefault(symbol, new BigDecimal("64000"));
        BigDecimal quantity = new BigDecimal(params.get("quantity"));
        boolean buy = "BUY".equals(params.get("side"));
        boolean crosses = "MARKET".equals(params.get("type")) || (buy
                ? new BigDecimal(params.get("price")).compareTo(market) >= 0
                : new BigDecimal(params.get("price")).compareTo(market) <= 0);
        BigDecimal quote = market.multiply(quantity);
        Order order = new Order(ids.incrementAndGet(), apiKey, clientOrderId, symbol, params.get("side"), params.get("type"),
                quantity.toPlainString(), params.getOrDefault("price", "0"), crosses ? "FILLED" : "NEW",
                crosses ? quantity.toPlainString() : "0", crosses ? quote.toPlainString() : "0",
                crosses ? ids.incrementAndGet() : 0, market.toPlainString(),
                quote.multiply(new BigDecimal("0.001")).stripTrailingZeros().toPlainString(), System.currentTimeMillis());
        ordersByClientId.put(clientOrderId, order);
        return order;
    }

    private void query(HttpExchange exchange, String apiKey, Map<String, String> params) throws IOException {
        Order order = ordersByClientId.get(params.getOrDefault("origClientOrderId", ""));
        if (order == null || !order.apiKey().equals(apiKey)) {
            respond(exchange, 400, error(-2013, "Order does not exist."));
            return;
        }
        respond(exchange, 200, orderJson(order));
    }

    /** Only an order still working can be cancelled; anything else is -2011, as Binance answers. */
    private void cancel(HttpExchange exchange, String apiKey, Map<String, String> params) throws IOException {
        String clientOrderId = params.getOrDefault("origClientOrderId", "");
        AtomicReference<Order> cancelled = new AtomicReference<>();
        ordersByClientId.computeIfPresent(clientOrderId, (id, order) -> {
            if (!order.apiKey().equals(apiKey) || !order.symbol().equals(params.get("symbol")) || !order.status().equals("NEW")) {
                return order;
            }
            cancelled.set(new Order(order.orderId(), order.apiKey(), id, order.symbol(), order.side(), order.type(),
                    order.origQty(), order.price(), "CANCELED", order.executedQty(), order.quoteQty(), order.tradeId(),
                    order.tradePrice(), order.commission(), order.time()));
            return cancelled.get();
        });
        if (cancelled.get() == null) {
            respond(exchange, 400, error(-2011, "Unknown order sent."));
            return;
        }
        respond(exchange, 200, orderJson(cancelled.get())
                .replaceFirst("\\{", "{\"origClientOrderId\":\"" + clientOrderId + "\","));
    }

    private void trades(HttpExchange exchange, String apiKey, Map<String, String> params) throws IOException {
        long orderId = Long.parseLong(params.getOrDefault("orderId", "-1"));
        StringBuilder json = new StringBuilder("[");
        for (Order order : ordersByClientId.values()) {
            if (order.orderId() == orderId && order.apiKey().equals(apiKey) && order.tradeId() != 0) {
                json.append("""
                        {"symbol":"%s","id":%d,"orderId":%d,"orderListId":-1,"price":"%s","qty":"%s","quoteQty":"%s",
                         "commission":"%s","commissionAsset":"USDT","time":%d,"isBuyer":%s,"isMaker":false,"isBestMatch":true}"""
                        .formatted(order.symbol(), order.tradeId(), order.orderId(), order.tradePrice(), order.executedQty(),
                                order.quoteQty(), order.commission(), order.time(), "BUY".equals(order.side())));
            }
        }
        respond(exchange, 200, json.append("]").toString());
    }

    private static String orderJson(Order order) {
        return """
                {"symbol":"%s","orderId":%d,"orderListId":-1,"clientOrderId":"%s","transactTime":%d,"price":"%s",                "origQty":"%s","executedQty":"%s","cummulativeQuoteQty":"%s","status":"%s","timeInForce":"GTC",                "type":"%s","side":"%s","workingTime":%d,"selfTradePreventionMode":"NONE"}"""
                .formatted(order.symbol(), order.orderId(), order.clientOrderId(), order.time(), order.price(),
                        order.origQty(), order.executedQty(), order.quoteQty(), order.status(), order.type(),
                        order.side(), order.time());
    }

    private static String error(int code, String message) {
        return "{\"code\":" + code + ",\"msg\":\"" + message.replace("\"", "\\\"") + "\"}";
    }
}
