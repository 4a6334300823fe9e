package io.tradeplex.strategy.tenant;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


import static io.tradeplex.testing.RowLevelSecurityProbe.assertApplicationRoleCannotBypass;

/**
 * strategy-service holds no user data yet (quotes are the same for everyone), so it has no policies; it still runs as
 * the application role, and the guard below makes the first table with a {@code user_id} column need them.
 */
@QuarkusTest
class RowLevelSecurityTest {

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorBypassRls() throws Throwable {
        assertApplicationRoleCannotBypass("quotes");
    }
}
