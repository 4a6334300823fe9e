package io.tradeplex.strategy.market;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logs when something done many times a second starts failing and when it works again, not every failure in
 * between: an outage of the database or of Kafka would otherwise bury the log under identical lines.
 */
public final class OutageLog {
    private final Logger log;
    private final String what;
    private final AtomicBoolean failing = new AtomicBoolean();

    public OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void failed(Throwable failure) {
        if (failing.compareAndSet(false, true)) {
            log.warnf("%s is failing (further failures are not logged until it recovers): %s", what, failure.toString());
        }
    }

    public void succeeded() {
        if (failing.compareAndSet(true, false)) {
            log.infof("%s works again", what);
        }
    }
}
