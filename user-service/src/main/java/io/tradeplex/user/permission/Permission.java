package io.tradeplex.user.permission;

import java.util.Arrays;
import java.util.Optional;

/**
 * The permission catalogue. Codes are stable: clients, tokens, events and audit records carry them, so a code is never
 * renamed; a new permission gets a new code. Valued trading rights (max order size, allowed products) are limits and
 * live with the user's tier and overrides, not here.
 */
public enum Permission {
    TRADING_TRADE("trading:trade"),
    DATA_VIEW_OWN("data:view-own"),
    DATA_VIEW_ALL("data:view-all"),
    DATA_EXPORT("data:export"),
    DATA_DELETE("data:delete"),
    SYSTEM_CHANGE_SETTINGS("system:change-settings"),
    SYSTEM_ADD_STRATEGIES("system:add-strategies"),
    SYSTEM_ADMINISTER("system:administer"),
    SYSTEM_MANAGE_USERS("system:manage-users"),
    REPORTS_VIEW("reports:view"),
    REPORTS_GENERATE("reports:generate"),
    REPORTS_SHARE("reports:share");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(permission -> permission.code.equals(code)).findFirst();
    }
}
