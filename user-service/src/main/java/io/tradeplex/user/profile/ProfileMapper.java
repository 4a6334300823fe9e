package io.tradeplex.user.profile;

import io.tradeplex.contracts.auth.UserRegistered;
import io.tradeplex.kit.security.CurrentUser;
import io.tradeplex.user.profile.ProfileRepository.Identity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;

public final class ProfileMapper {
    private ProfileMapper() {
    }

    public static MeResponse toResponse(UserProfile profile) {
        return new MeResponse(profile.id, profile.email, profile.displayName, profile.tier, profile.status,
                List.copyOf(profile.roles), profile.activeAccountId, profile.emailVerified);
    }

    public static Identity fromEvent(UserRegistered event) {
        return new Identity(event.userId(), event.email(), event.displayName(), List.copyOf(event.roles()));
    }

    /** The verified token's claims: auth-service signed them, so they are as trustworthy as its event. */
    public static Identity fromToken(CurrentUser caller, JsonWebToken token) {
        Set<String> groups = token.getGroups();
        return new Identity(caller.id(), caller.email(), caller.displayName(),
                groups == null ? List.of() : groups.stream().sorted().toList());
    }
}
