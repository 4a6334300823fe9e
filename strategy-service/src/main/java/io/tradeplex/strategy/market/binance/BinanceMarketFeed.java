package io.tradeplex.strategy.market.binance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradeplex.strategy.market.MarketFeedConfig;
import io.tradeplex.strategy.market.OutageLog;
import io.tradeplex.strategy.market.TickPublisher;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Publishes Binance's public trades as ticks: one WebSocket to the combined stream of the configured symbols' trade
 * streams, opened again with a doubling back-off whenever it closes or fails (Binance also ends every connection
 * after 24 hours). A tick's sequence is Binance's trade id and its time the trade time, so a trade delivered twice
 * around a reconnection is dropped by every reader.
 * <p>
 * Nothing here is secret, but the log still never carries whole messages: a burst of malformed ones would flood it.
 */
@ApplicationScoped
public class BinanceMarketFeed {
    private static final Logger LOG = Logger.getLogger(BinanceMarketFeed.class);

    private final MarketFeedConfig feeds;
    private final BinanceFeedConfig config;
    private final TickPublisher publisher;
    private final Vertx vertx;
    private final OutageLog publishOutage = new OutageLog(LOG, "Publishing Binance trades");
    private final OutageLog readOutage = new OutageLog(LOG, "Reading Binance's stream messages");
    private BinanceTrades trades;
    private WebSocketClient client;
    private WebSocketConnectOptions connectOptions;
    private Duration nextDelay;
    private volatile boolean stopped;

    public BinanceMarketFeed(MarketFeedConfig feeds, BinanceFeedConfig config, TickPublisher publisher, Vertx vertx) {
        this.feeds = feeds;
        this.config = config;
        this.publisher = publisher;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) {
        if (feeds.feed() != MarketFeedConfig.Feed.BINANCE) {
            return;
        }
        trades = BinanceTrades.of(config.symbols());
        String url = config.url() + "?streams=" + trades.streams();
        connectOptions = new WebSocketConnectOptions().setAbsoluteURI(url);
        client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
        nextDelay = config.reconnectDelay();
        LOG.infof("Binance market feed starting: %s", url);
        // The first connection is made from the event loop like every later one, so the handlers below never race.
        vertx.runOnContext(nothing -> connect());
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped = true;
        if (client != null) {
            client.close();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        client.connect(connectOptions)
                .onSuccess(this::listen)
                .onFailure(failure -> reconnectLater("could not connect: " + failure));
    }

    private void listen(WebSocket socket) {
        LOG.info("Binance market feed connected");
        socket.textMessageHandler(this::onMessage);
        socket.exceptionHandler(failure -> LOG.debugf("Binance stream failed: %s", failure.getMessage()));
        socket.closeHandler(nothing -> reconnectLater("the stream closed (status " + socket.closeStatusCode() + ")"));
    }

    private void onMessage(String message) {
        try {
            trades.tick(message).ifPresent(tick -> {
                // A message that carries a trade shows the connection works: the next outage starts the back-off anew.
                nextDelay = config.reconnectDelay();
                publisher.publish(tick).subscribe().with(ok -> publishOutage.succeeded(), publishOutage::failed);
            });
            readOutage.succeeded();
        } catch (IllegalArgumentException e) {
            readOutage.failed(new IllegalArgumentException(e.getMessage() + " (" + message.length() + " characters)"));
        }
    }

    private void reconnectLater(String why) {
        if (stopped) {
            return;
        }
        Duration delay = nextDelay;
        nextDelay = min(delay.multipliedBy(2), config.maxReconnectDelay());
        LOG.warnf("Binance market feed: %s; reconnecting in %d ms", why, delay.toMillis());
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> connect());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
