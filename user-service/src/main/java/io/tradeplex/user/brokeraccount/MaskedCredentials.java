package io.tradeplex.user.brokeraccount;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the owner sees of an account's secrets: at most the first and last four characters of the API key, and only
 * whether the secret and the access token are configured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MaskedCredentials(String apiKey, String apiSecret, String accessToken) {
}
