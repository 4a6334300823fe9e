package io.tradeplex.order.broker;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;

/**
 * A pause that resumes on the caller's Vert.x context. Mutiny's own delays resume on a thread of their own, where no
 * database session can be opened, and the work after a pause here usually writes the order.
 */
public final class Pause {
    private Pause() {
    }

    public static Uni<Void> of(Duration wait) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                emitter.fail(new IllegalStateException("A pause must start on a Vert.x context"));
                return;
            }
            context.owner().setTimer(Math.max(1, wait.toMillis()),
                    timer -> context.runOnContext(ignored -> emitter.complete(null)));
        });
    }
}
