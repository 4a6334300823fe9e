package io.tradeplex.user.vault;

/** The secrets a broker account can hold; the wire name is what the database and the AAD carry. */
public enum SecretName {
    API_KEY("apiKey"),
    API_SECRET("apiSecret"),
    ACCESS_TOKEN("accessToken");

    private final String wire;

    SecretName(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
