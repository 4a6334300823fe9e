package io.tradeplex.portfolio.position;

/**
 * Round trips over some of a user's positions.
 *
 * @param closed round trips ended
 * @param won    those whose result net of fees was positive
 */
public record RoundTripCount(long closed, long won) {
    public static final RoundTripCount NONE = new RoundTripCount(0, 0);

    public RoundTripCount plus(RoundTripCount other) {
        return new RoundTripCount(closed + other.closed, won + other.won);
    }
}
