package io.tradeplex.order.broker.kite;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The order lifecycle's transactions ({@code Tenant}) need a duplicated Vert.x context. The command consumer and REST
 * requests run on one; a reconciliation driver may not, and Mutiny's timers resume on a worker thread. These keep the
 * adapter's work on a context whatever thread starts or resumes it.
 */
final class VertxContexts {
    private VertxContexts() {
    }

    /** Runs {@code work} on the caller's duplicated context, or on a fresh one when the caller has none. */
    static <T> Uni<T> onDuplicatedContext(Vertx vertx, Supplier<Uni<? extends T>> work) {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return Uni.createFrom().<T>deferred(work);
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>deferred(work).runSubscriptionOn(on(context));
    }

    /** Waits, then carries on where the caller was (on its context, if it had one). */
    static Uni<Void> pause(Duration wait) {
        return resumeHere(Uni.createFrom().voidItem().onItem().delayIt().by(wait));
    }

    /** {@code uni}'s outcome delivered back on the caller's context, if it had one (timers and retries leave it). */
    static <T> Uni<T> resumeHere(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(on(context));
    }

    private static Executor on(Context context) {
        return command -> context.runOnContext(ignored -> command.run());
    }
}
