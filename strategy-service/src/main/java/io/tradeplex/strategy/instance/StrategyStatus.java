package io.tradeplex.strategy.instance;

public enum StrategyStatus {
    RUNNING, STOPPED, FAILED
}
