package io.tradeplex.kit.context;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Hibernate Reactive (and so {@code Tenant}) wants a duplicated, safe Vert.x context; timers, worker threads and
 * Kafka rebalance listeners have none. Work started there runs on a context of its own, never on a caller's, whose
 * session it would otherwise share.
 */
public final class DuplicatedContexts {
    private DuplicatedContexts() {
    }

    public static <T> Uni<T> onNewDuplicatedContext(Vertx vertx, Supplier<Uni<? extends T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>deferred(work).runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
