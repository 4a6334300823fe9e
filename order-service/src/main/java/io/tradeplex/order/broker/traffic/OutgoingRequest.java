package io.tradeplex.order.broker.traffic;

import io.vertx.core.http.RequestOptions;

/**
 * One request as it goes out. Built only once the call is admitted, so a signature with a timestamp (Binance's
 * recvWindow) is fresh however long the call waited, and built again if a 429 sends it back to the queue.
 *
 * @param options absolute URI, method, headers
 * @param body    null for none
 */
public record OutgoingRequest(RequestOptions options, String body) {
}
