package io.tradeplex.user.vault;

/** What the owner may see of a secret: enough of an API key to recognise it, nothing of a secret or token. */
public final class Hints {
    /** For secrets and tokens, of which no character is ever shown. */
    public static final String CONFIGURED = "configured";
    private static final int SHOWN = 4;

    private Hints() {
    }

    /**
     * The first and last four characters of a key, and only when at least twice as many stay hidden; shorter keys show
     * their last four at most, very short ones nothing.
     */
    public static String ofApiKey(String apiKey) {
        int length = apiKey.length();
        if (length >= 4 * SHOWN) {
            return apiKey.substring(0, SHOWN) + "…" + apiKey.substring(length - SHOWN);
        }
        if (length >= 3 * SHOWN) {
            return "…" + apiKey.substring(length - SHOWN);
        }
        return "…";
    }
}
