package io.tradeplex.user.brokeraccount;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An operator's route for one broker account's calls. At least one part is required. A proxy carries no credentials:
 * the value is published on the users topic, so a proxy that needs them must authorise by source address instead.
 *
 * @param proxy         {@code http://host:port} or {@code socks5://host:port}
 * @param sourceAddress an IPv4 or IPv6 address of the order-service host to connect from
 */
public record EgressRequest(
        @Size(max = 300)
        @Pattern(regexp = "(http|socks5)://([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}",
                message = "must be http://host:port or socks5://host:port, without credentials or a path")
        String proxy,
        @Size(max = 45)
        @Pattern(regexp = "[0-9A-Fa-f:.]+", message = "must be an IPv4 or IPv6 address")
        String sourceAddress) {
}
