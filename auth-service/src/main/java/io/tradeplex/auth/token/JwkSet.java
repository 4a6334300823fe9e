package io.tradeplex.auth.token;

import java.util.List;

public record JwkSet(List<Jwk> keys) {
}
