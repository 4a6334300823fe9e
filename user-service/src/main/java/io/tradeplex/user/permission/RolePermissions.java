package io.tradeplex.user.permission;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.tradeplex.user.permission.Permission.*;

/** What each role grants by default; an admin's per-user overrides adjust it. */
public final class RolePermissions {
    private static final Map<String, Set<Permission>> DEFAULTS = Map.of(
            "trader", EnumSet.of(TRADING_TRADE, DATA_VIEW_OWN, DATA_EXPORT, DATA_DELETE, SYSTEM_CHANGE_SETTINGS,
                    SYSTEM_ADD_STRATEGIES, REPORTS_VIEW, REPORTS_GENERATE),
            "analyst", EnumSet.of(DATA_VIEW_OWN, DATA_VIEW_ALL, DATA_EXPORT, REPORTS_VIEW, REPORTS_GENERATE, REPORTS_SHARE),
            "admin", EnumSet.allOf(Permission.class));

    private RolePermissions() {
    }

    public static Set<Permission> of(Collection<String> roles) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> granted.addAll(DEFAULTS.getOrDefault(role, Set.of())));
        return granted;
    }
}
