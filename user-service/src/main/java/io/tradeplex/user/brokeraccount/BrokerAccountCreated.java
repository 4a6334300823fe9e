package io.tradeplex.user.brokeraccount;

import java.util.UUID;

public record BrokerAccountCreated(UUID accountId) {
}
