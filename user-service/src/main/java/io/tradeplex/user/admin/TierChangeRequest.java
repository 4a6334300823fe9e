package io.tradeplex.user.admin;

import io.tradeplex.user.tier.Tier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record TierChangeRequest(
        @NotNull @Pattern(regexp = Tier.PATTERN, message = "must be one of basic, pro, enterprise") String tier,
        @Size(max = 500) String reason) {
}
