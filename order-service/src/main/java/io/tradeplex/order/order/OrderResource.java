package io.tradeplex.order.order;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tradeplex.contracts.orders.OrderStatus;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.kit.web.QueryParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {
    private static final int MAX_PAGE_SIZE = 500;

    private final OrderService orders;
    private final CurrentUser user;

    public OrderResource(OrderService orders, CurrentUser user) {
        this.orders = orders;
        this.user = user;
    }

    /**
     * 202 once the order is durably recorded; execution follows asynchronously. Repeating a {@code clientOrderId}
     * answers with the original order (header {@code Idempotent-Replayed: true}) and places nothing.
     */
    @POST
    public Uni<RestResponse<OrderView>> place(@Valid @NotNull PlaceOrderRequest request, UriInfo uri) {
        return orders.place(user.id(), user.rawToken(), user.emailVerified(), request)
                .map(placement -> RestResponse.ResponseBuilder.<OrderView>create(RestResponse.Status.ACCEPTED)
                        .entity(placement.order())
                        .location(uri.getAbsolutePathBuilder().path(placement.order().orderId().toString()).build())
                        .header("Idempotent-Replayed", String.valueOf(placement.replayed()))
                        .build());
    }

    @GET
    public Uni<List<OrderView>> list(@RestQuery String status, @RestQuery String symbol, @RestQuery String accountId,
                                     @RestQuery String page, @RestQuery String size) {
        OrderFilter filter = new OrderFilter(
                status == null ? null : parseStatus(status),
                symbol,
                QueryParams.uuid("accountId", accountId).orElse(null),
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("size", size, 50, 1, MAX_PAGE_SIZE));
        return orders.list(user.id(), filter);
    }

    @GET
    @Path("/{orderId}")
    public Uni<OrderView> get(@RestPath String orderId) {
        return orders.get(user.id(), orderIdOf(orderId));
    }

    /**
     * 200 with the CANCELLED order once its broker confirmed; 202 with the order still open when the broker took the
     * cancel but has not carried it out yet; 409 ORDER_NOT_OPEN when it had already ended (also when the broker
     * reports it filled); 503 when the broker could not be asked or would not cancel (the order stays open).
     */
    @DELETE
    @Path("/{orderId}")
    public Uni<RestResponse<OrderView>> cancel(@RestPath String orderId) {
        return orders.cancel(user.id(), orderIdOf(orderId))
                .map(cancellation -> RestResponse.ResponseBuilder.<OrderView>create(cancellation.done()
                                ? RestResponse.Status.OK : RestResponse.Status.ACCEPTED)
                        .entity(cancellation.order()).build());
    }

    /** A malformed id cannot name one of the caller's orders: the same 404 as any other order that is not theirs. */
    private static UUID orderIdOf(String orderId) {
        try {
            return UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Order");
        }
    }

    private static OrderStatus parseStatus(String status) {
        try {
            return OrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of " + List.of(OrderStatus.values()));
        }
    }
}
