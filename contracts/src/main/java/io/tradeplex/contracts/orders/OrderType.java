package io.tradeplex.contracts.orders;

public enum OrderType {
    MARKET, LIMIT
}
