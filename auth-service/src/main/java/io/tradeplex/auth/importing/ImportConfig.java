package io.tradeplex.auth.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/** The internal bulk-import endpoint. */
@ConfigMapping(prefix = "tradeplex.auth.import")
public interface ImportConfig {
    /** The most rows one request may carry; more is answered 413, so one call cannot hold the service for minutes. */
    @WithDefault("5000")
    int maxRows();

    /**
     * Services allowed to import accounts (the signed {@code X-Tradeplex-Caller}). Only user-service checks that the
     * end user is an admin, so no other internal caller may create (possibly admin) accounts here.
     */
    @WithDefault("user-service")
    Set<String> callers();
}
