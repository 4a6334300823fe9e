package io.tradeplex.user.brokeraccount;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradeplex.kit.audit.AuditTrail;
import io.tradeplex.kit.problem.ApiException;
import io.tradeplex.kit.problem.FieldError;
import io.tradeplex.kit.tenant.Tenant;
import io.tradeplex.user.profile.ProfileRepository;
import io.tradeplex.user.state.UserStatePublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operators pin the route of a broker account's calls (Kite takes orders only from whitelisted static IPs, up to two
 * per user): an outbound proxy and/or a source address of the order-service host. The route reaches order-service in
 * the user's published state; each change is audited in the user's and the administrator's logs.
 */
@ApplicationScoped
public class AccountEgressService {
    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final BrokerAccountRepository accounts;
    private final ProfileRepository profiles;
    private final UserStatePublisher statePublisher;
    private final AuditTrail audit;

    public AccountEgressService(BrokerAccountRepository accounts, ProfileRepository profiles,
                                UserStatePublisher statePublisher, AuditTrail audit) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.statePublisher = statePublisher;
        this.audit = audit;
    }

    public Uni<EgressView> get(UUID userId, UUID accountId) {
        return Tenant.transaction(userId, () -> owned(userId, accountId).map(EgressView::of));
    }

    /** The caller has checked the administrator's permission. */
    public Uni<EgressView> pin(UUID adminId, UUID userId, UUID accountId, EgressRequest request) {
        String proxy = blankToNull(request.proxy());
        String sourceAddress = blankToNull(request.sourceAddress());
        validate(proxy, sourceAddress);
        Map<String, String> details = new HashMap<>();
        details.put("accountId", accountId.toString());
        if (proxy != null) {
            details.put("proxy", proxy);
        }
        if (sourceAddress != null) {
            details.put("sourceAddress", sourceAddress);
        }
        return change(adminId, userId, accountId, proxy, sourceAddress, "admin.broker-account.egress.set", details);
    }

    /** The caller has checked the administrator's permission. */
    public Uni<EgressView> clear(UUID adminId, UUID userId, UUID accountId) {
        return change(adminId, userId, accountId, null, null, "admin.broker-account.egress.clear",
                Map.of("accountId", accountId.toString()));
    }

    private Uni<EgressView> change(UUID adminId, UUID userId, UUID accountId, String proxy, String sourceAddress,
                                   String action, Map<String, String> changed) {
        String resource = resource(userId, accountId);
        Map<String, String> details = new HashMap<>(changed);
        return Tenant.transaction(userId, () -> owned(userId, accountId)
                .invoke(account -> {
                    details.put("previousProxy", String.valueOf(account.egressProxy));
                    details.put("previousSourceAddress", String.valueOf(account.egressSourceAddress));
                    account.egressProxy = proxy;
                    account.egressSourceAddress = sourceAddress;
                })
                .call(() -> audit.within(audit.allowed(userId, adminId, action, resource, details)))
                .call(() -> userId.equals(adminId) ? Uni.createFrom().voidItem()
                        : audit.within(audit.allowed(adminId, adminId, action, resource, details)))
                .call(() -> Panache.getSession().chain(session -> session.flush()))
                .call(() -> profiles.findById(userId).chain(statePublisher::publish))
                .map(EgressView::of));
    }

    public static String resource(UUID userId, UUID accountId) {
        return "/api/v1/admin/users/" + userId + "/broker-accounts/" + accountId + "/egress";
    }

    /** What Bean Validation cannot say: one of the two is needed, a real port, an address literal (never a DNS name). */
    static void validate(String proxy, String sourceAddress) {
        List<FieldError> errors = new ArrayList<>();
        if (proxy == null && sourceAddress == null) {
            errors.add(new FieldError("proxy", "proxy or sourceAddress is required"));
            errors.add(new FieldError("sourceAddress", "proxy or sourceAddress is required"));
        }
        if (proxy != null) {
            int port = URI.create(proxy).getPort();
            if (port < 1 || port > 65535) {
                errors.add(new FieldError("proxy", "must name a port from 1 to 65535"));
            }
        }
        if (sourceAddress != null) {
            InetAddress address = literal(sourceAddress);
            if (address == null) {
                errors.add(new FieldError("sourceAddress", "must be an IPv4 or IPv6 address"));
            } else if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
                errors.add(new FieldError("sourceAddress", "must be a unicast address of the order-service host"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Invalid request", "VALIDATION", errors.stream()
                    .map(error -> error.field() + ": " + error.message()).distinct()
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
    }

    /** Parsed only when it is a literal, so no name is ever looked up. */
    private static InetAddress literal(String text) {
        if (!IPV4.matcher(text).matches() && !text.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Uni<BrokerAccount> owned(UUID userId, UUID accountId) {
        return accounts.findOwned(userId, accountId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Broker account"));
    }
}
