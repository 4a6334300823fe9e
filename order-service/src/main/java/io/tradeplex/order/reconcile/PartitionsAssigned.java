package io.tradeplex.order.reconcile;

import java.util.Set;

/** This instance now owns the users of these partitions of the order-commands topic. */
public record PartitionsAssigned(Set<Integer> partitions) {
}
