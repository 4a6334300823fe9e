package io.tradeplex.order.order;

import io.tradeplex.contracts.orders.OrderType;
import io.tradeplex.contracts.orders.Side;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.UUID;

/** The body of {@code POST /api/v1/orders}. There is no user id here: the caller is whoever the token says. */
public record PlaceOrderRequest(
        @NotNull UUID accountId,
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}-[A-Z0-9]{2,20}", message = "must look like BTC-USD") String symbol,
        @NotNull Side side,
        @NotNull OrderType type,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 20, fraction = 18) BigDecimal quantity,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 20, fraction = 18) BigDecimal limitPrice,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may hold letters, digits and . _ : -")
        String clientOrderId) {

    @AssertTrue(message = "is required for LIMIT orders and not allowed for MARKET orders")
    public boolean isLimitPrice() {
        return type == null || (type == OrderType.LIMIT) == (limitPrice != null);
    }
}
