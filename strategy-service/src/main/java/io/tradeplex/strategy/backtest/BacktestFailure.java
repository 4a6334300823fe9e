package io.tradeplex.strategy.backtest;

/** A backtest that cannot complete for a reason its owner should read, e.g. no bars in the range asked for. */
final class BacktestFailure extends RuntimeException {
    BacktestFailure(String message) {
        super(message, null, false, false);
    }
}
