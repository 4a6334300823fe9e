package io.tradeplex.order.user;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Told when a user stops being able to trade (kill switch on, disabled, deleted). */
public interface HaltListener {
    Uni<Void> halted(UUID userId, String reason);
}
