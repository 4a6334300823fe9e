package io.tradeplex.strategy.market.binance;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Binance's market-data WebSocket endpoint: accepts upgrades on {@code /stream} on a free
 * loopback port, remembers what each connection asked for, and sends what the test tells it to.
 */
public final class FakeBinanceStream implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<ServerWebSocket> connections = new CopyOnWriteArrayList<>();

    public FakeBinanceStream() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .webSocketHandler(socket -> {
                    if (!"/stream".equals(socket.path())) {
                        socket.reject(404);
                        return;
                    }
                    connections.add(socket);
                });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the fake Binance stream", e);
        }
    }

    public String url() {
        return "ws://127.0.0.1:" + server.actualPort() + "/stream";
    }

    /** The request URIs of the connections so far, e.g. {@code /stream?streams=btcusdt@trade}. */
    public List<String> requestedUris() {
        return connections.stream().map(ServerWebSocket::uri).toList();
    }

    /** Waits until the client has opened this many connections since the fake started. */
    public void awaitConnections(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client opened " + connections.size() + " connections, not " + count);
            }
            Thread.sleep(20);
        }
    }

    /** Sends a text message on the newest connection. */
    public void send(String message) throws Exception {
        latest().writeTextMessage(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Closes the newest connection from the server side, as Binance does at the 24-hour mark. */
    public void closeLatest() throws Exception {
        latest().close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private ServerWebSocket latest() {
        return connections.get(connections.size() - 1);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
