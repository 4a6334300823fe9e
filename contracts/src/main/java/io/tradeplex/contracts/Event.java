package io.tradeplex.contracts;

/**
 * A Tradeplex event payload. Every payload carries its schema version so a reader can tell which fields to expect;
 * additive changes keep the version, breaking ones get a new type and topic.
 */
public interface Event {
    int schemaVersion();

    /** The CloudEvents {@code ce_type}; also names the JSON Schema in {@code schemas/<type>.json}. */
    String eventType();
}
