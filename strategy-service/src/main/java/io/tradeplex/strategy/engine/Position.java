package io.tradeplex.strategy.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The position a run believes it holds: its entry signal, assumed filled at the entry bar's close.
 *
 * @param highestClose the highest close from the entry bar on, what the trailing stop trails
 */
public record Position(BigDecimal quantity, BigDecimal entryPrice, Instant entryBarTime, BigDecimal highestClose) {

    Position afterClose(BigDecimal close) {
        return close.compareTo(highestClose) > 0 ? new Position(quantity, entryPrice, entryBarTime, close) : this;
    }
}
