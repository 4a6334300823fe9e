package io.tradeplex.user.settings;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SettingsRepository implements PanacheRepositoryBase<UserSettings, UUID> {

    /** Must run inside the user's transaction. @return the zone of the user's trading day, UTC until they chose one */
    public Uni<String> timeZoneOf(UUID userId) {
        return findById(userId).map(settings -> settings == null ? SettingsView.DEFAULTS.timeZone() : settings.timeZone);
    }
}
