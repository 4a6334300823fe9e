package io.tradeplex.order.execution;

/** @param code a stable code from the rejection catalogue; clients and analysts switch on it */
public record Rejection(String code, String reason) {
}
