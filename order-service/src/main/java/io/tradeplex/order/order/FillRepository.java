package io.tradeplex.order.order;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FillRepository implements PanacheRepositoryBase<FillEntity, UUID> {

    public Uni<List<FillEntity>> ofOrder(UUID userId, UUID orderId) {
        return list("userId = ?1 and orderId = ?2", Sort.ascending("executedAt", "fillId"), userId, orderId);
    }

    public Uni<Long> countOfOrder(UUID orderId) {
        return count("orderId", orderId);
    }
}
