package io.tradeplex.user.killswitch;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TradingControlRepository implements PanacheRepositoryBase<TradingControl, String> {

    /** Must run inside a transaction. */
    public Uni<Boolean> globalKillSwitchOn() {
        return findById(TradingControl.GLOBAL).map(control -> control != null && control.active);
    }
}
